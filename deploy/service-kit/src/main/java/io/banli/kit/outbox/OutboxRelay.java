package io.banli.kit.outbox;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.banli.kit.metrics.EventMetrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes outbox rows to Kafka in id order and marks each published only after the broker has
 * acknowledged it. Runs right after each commit that wrote the outbox and, as a safety net for
 * crashes and broker outages, on a schedule.
 *
 * <p>Only one relay may run at a time across all replicas (a PostgreSQL advisory lock): with
 * one publisher and id order, events of one submission reach its partition in commit order.
 * Delivery is at-least-once (a crash after the ack but before the mark republishes a row);
 * consumers are idempotent on the event id, so that is harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    /** Arbitrary constant naming the relay's advisory lock in this service's database. */
    private static final long RELAY_LOCK = 0x62616e6c69L;

    @Inject
    EntityManager em;

    @Inject
    ManagedExecutor executor;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Inject
    EventMetrics metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "banli.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        executor.runAsync(this::relay);
    }

    /**
     * Waits 10 s after start: on a loaded machine Reactive Messaging connects the emitter several seconds
     * after the scheduler starts, and an earlier poll only logs errors. Events of requests served
     * meanwhile go out after their commit anyway.
     */
    @Scheduled(every = "${banli.outbox.poll-interval:2s}", delayed = "${banli.outbox.initial-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        relay();
    }

    /** Publishes everything pending; a call during a running pass makes that pass go round again. */
    public void relay() {
        again.set(true);
        if (!running.tryLock()) {
            return;
        }
        try {
            while (again.getAndSet(false)) {
                int published;
                do {
                    published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                } while (published == BATCH);
            }
        } catch (RuntimeException e) {
            Log.warnf("Outbox relay stopped, will retry: %s", e.getMessage());
        } finally {
            running.unlock();
        }
    }

    /** Returns how many rows it published; fewer than {@link #BATCH} means the backlog is empty. */
    @SuppressWarnings("unchecked")
    int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!locked) {
            return 0;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select id, cast(event_id as text), topic, event_type, aggregate_id, cast(payload as text), occurred_at
                from outbox_event where published_at is null order by id limit :batch""")
                .setParameter("batch", BATCH).getResultList();
        // One send at a time, each acknowledged before the next: collecting acks asynchronously would
        // run their callbacks on Kafka's threads inside this transaction, which JTA refuses to commit.
        int published = 0;
        for (Object[] row : rows) {
            try {
                emitter.sendMessage(message(row)).await().atMost(sendTimeout);
            } catch (RuntimeException e) {
                Log.warnf("Kafka did not take outbox event %s (%s); it stays pending", row[1], e.getMessage());
                break;
            }
            em.createNativeQuery("update outbox_event set published_at = now() where id = :id")
                    .setParameter("id", row[0]).executeUpdate();
            metrics.published((String) row[3], (String) row[2]);
            published++;
        }
        return published;
    }

    private Message<String> message(Object[] row) {
        String subject = (String) row[4];
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId((String) row[1])
                .withType((String) row[3])
                .withSource(URI.create("/banli/" + serviceName))
                .withSubject(subject)
                .withTimestamp(timestamp(row[6]).atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic((String) row[2])
                .withKey(subject)
                .build();
        return Message.of((String) row[5], Metadata.of(cloudEvent, kafka));
    }

    private static java.time.Instant timestamp(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
