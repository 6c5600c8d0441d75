package io.banli.supervision;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.banli.supervision.sweep.AlertSweep;
import io.banli.testing.OutboxMarker;
import io.banli.testing.TopicProbe;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The {@link OutboxMarker} a check that no (more) alerts were raised waits for: written only after the sweeps
 * that could raise them have run, so what the sweeps raised comes before it ({@link TopicProbe#until}).
 */
public final class SweepMarker {

    private SweepMarker() {
    }

    /**
     * Runs the alert sweep until it finds nothing due (so at least one whole sweep ran after the test's last
     * step), then publishes a marker for the submission in a transaction that first locks the submission's
     * deadlines and alerts: a scheduled sweep still raising one of them commits first, so every alert any sweep
     * raised on the submission comes before the marker.
     */
    public static Predicate<ConsumerRecord<String, String>> afterSweeps(String topic, long submission) {
        return afterSweeps(topic, List.of(submission));
    }

    /** The same for several submissions; the marker is keyed by the first (the relay's order covers the rest). */
    public static Predicate<ConsumerRecord<String, String>> afterSweeps(String topic, List<Long> submissions) {
        AlertSweep sweep = Arc.container().instance(AlertSweep.class).get();
        while (QuarkusTransaction.requiringNew().call(sweep::sweepBatch) > 0) {
            // Drains what is due: the clock may have jumped past other tests' deadlines too.
        }
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return OutboxMarker.published(QuarkusTransaction.requiringNew().call(() -> {
            // In the sweep's order (alerts, then deadlines), so the two never deadlock.
            em.createNativeQuery("""
                    select a.id from deadline_alert a join deadline d on d.id = a.deadline_id
                    where d.submission_id in (:submissions) order by a.id for update of a""")
                    .setParameter("submissions", submissions).getResultList();
            em.createNativeQuery("select id from deadline where submission_id in (:submissions) order by id for update")
                    .setParameter("submissions", submissions).getResultList();
            return OutboxMarker.outbox().publish(topic, OutboxMarker.TYPE, String.valueOf(submissions.get(0)),
                    Map.of());
        }));
    }
}
