package io.banli.assignment;

import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.banli.kit.outbox.Outbox;
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
}
