package io.banli.kit.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Outbox backlog gauges: how many events wait for the relay and how long the oldest has waited.
 * A backlog that grows, or an oldest event older than a minute, means Kafka is unreachable or the
 * relay is stuck; the events are safe in the database but nobody downstream sees them.
 *
 * <p>Sampled on a schedule rather than on each scrape, so a scrape never waits for the database and a
 * slow database never blocks Prometheus. Prometheus names: {@code banli_outbox_backlog_events},
 * {@code banli_outbox_oldest_pending_seconds}.
 */
@ApplicationScoped
public class OutboxBacklog {

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    void register(@Observes StartupEvent start) {
        Gauge.builder("banli.outbox.backlog.events", pending, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("banli.outbox.oldest.pending.seconds", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest outbox event still waiting for Kafka (0 when none)")
                .register(registry);
    }

    @Scheduled(every = "${banli.metrics.outbox-sample-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sample() {
        try {
            // Reads only the partial index of unpublished rows: as cheap as the backlog is small.
            Object[] row = (Object[]) em.createNativeQuery(
                    "select count(*), min(occurred_at) from outbox_event where published_at is null")
                    .getSingleResult();
            pending.set(((Number) row[0]).longValue());
            Instant oldest = instant(row[1]);
            oldestSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
        } catch (RuntimeException e) {
            Log.debugf("Outbox backlog not sampled: %s", e.getMessage());
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
