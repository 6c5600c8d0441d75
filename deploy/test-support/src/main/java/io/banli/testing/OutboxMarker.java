package io.banli.testing;

import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.banli.kit.outbox.Outbox;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The later event a check that nothing (more) was published waits for ({@link TopicProbe#until}): a test event
 * for the subject, written to the outbox of the service under test in a transaction of its own and sent by its
 * relay, so it reaches the topic after every event committed before it. Consumers skip its type.
 */
public final class OutboxMarker {

    public static final String TYPE = "banli.test.marker.v1";

    private OutboxMarker() {
    }

    /** Publishes a marker for {@code subject} (the submission id: same key, same partition) on {@code topic}. */
    public static Predicate<ConsumerRecord<String, String>> after(String topic, String subject) {
        return published(QuarkusTransaction.requiringNew().call(() -> outbox().publish(topic, TYPE, subject,
                Map.of())));
    }

    /** The outbox of the service under test, to write a marker in a transaction that does more first. */
    public static Outbox outbox() {
        return Arc.container().instance(Outbox.class).get();
    }

    /** Matches the marker the outbox gave this id. */
    public static Predicate<ConsumerRecord<String, String>> published(Object id) {
        String ceId = id.toString();
        return r -> ceId.equals(TopicProbe.header(r, "ce_id"));
    }
}
