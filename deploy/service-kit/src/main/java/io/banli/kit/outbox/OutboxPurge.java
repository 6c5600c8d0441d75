package io.banli.kit.outbox;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes outbox rows some days after Kafka acknowledged them. Once published, a row only serves someone
 * tracing a delivery by hand; the topics themselves are the history. Deleted in chunks, oldest first (along the primary key: rows are
 * published roughly in id order, and an index on the publication time would make every mark dearer), so the
 * purge never holds a long transaction (which would also hold the relay back).
 */
@ApplicationScoped
public class OutboxPurge {

    private static final int CHUNK = 5_000;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "banli.outbox.retention", defaultValue = "P7D")
    Duration retention;

    @Scheduled(every = "${banli.outbox.purge-interval:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from outbox_event where id in (
                        select id from outbox_event where published_at < :before order by id limit :chunk)""")
                    .setParameter("before", clock.instant().minus(retention))
                    .setParameter("chunk", CHUNK)
                    .executeUpdate());
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            Log.debugf("Purged %d outbox events published more than %s ago", total, retention);
        }
    }
}
