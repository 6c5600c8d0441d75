package io.banli.intake.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.banli.kit.consumer.EventConsumer;
import io.smallrye.common.annotation.Blocking;

/**
 * Intake's own events (registered, refused, withdrawn) read back from its topic, so webhooks learn of them
 * only once they are published, exactly as the other services do, and in the same order.
 */
@ApplicationScoped
public class SubmissionEventsConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    WebhookFanOut webhooks;

    @Incoming("own-submissions")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.dispatch("own-submissions", record, webhooks.handlers(record));
    }
}
