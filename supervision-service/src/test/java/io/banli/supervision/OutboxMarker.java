package io.banli.supervision;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.banli.kit.outbox.Outbox;
import io.banli.supervision.sweep.AlertSweep;
import io.banli.testing.TopicProbe;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The later event a check that nothing (more) was published waits for ({@link TopicProbe#until}): a test event
 * for the subject, written to the outbox in a transaction of its own and sent by the service's relay, so it
 * reaches the topic after every event committed before it. Consumers skip its type.
 */
public final class OutboxMarker {

    static final String TYPE = "banli.test.marker.v1";

    private OutboxMarker() {
    }

    /** Publishes a marker for {@code subject} (the submission id: same key, same partition) on {@code topic}. */
    public static Predicate<ConsumerRecord<String, String>> after(String topic, String subject) {
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        String id = QuarkusTransaction.requiringNew().call(() -> outbox.publish(topic, TYPE, subject, Map.of()))
                .toString();
        return r -> id.equals(TopicProbe.header(r, "ce_id"));
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
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        String id = QuarkusTransaction.requiringNew().call(() -> {
            // In the sweep's order (alerts, then deadlines), so the two never deadlock.
            em.createNativeQuery("""
                    select a.id from deadline_alert a join deadline d on d.id = a.deadline_id
                    where d.submission_id in (:submissions) order by a.id for update of a""")
                    .setParameter("submissions", submissions).getResultList();
            em.createNativeQuery("select id from deadline where submission_id in (:submissions) order by id for update")
                    .setParameter("submissions", submissions).getResultList();
            return outbox.publish(topic, TYPE, String.valueOf(submissions.get(0)), Map.of());
        }).toString();
        return r -> id.equals(TopicProbe.header(r, "ce_id"));
    }
}
