package io.banli.intake.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.banli.kit.consumer.EventConsumer;
import io.smallrye.common.annotation.Blocking;

/**
 * Supervision's alerts, for the webhooks only: the overdue and deadline-warning deliveries platforms subscribe to
 * (a member's deadlines are reporting's, with the rest of their progress). Idempotent through the inbox; records it
 * cannot read go to {@code banli.intake.dead-letter}.
 */
@ApplicationScoped
public class SupervisionAlertsConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    WebhookFanOut webhooks;

    @Incoming("alerts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.dispatch("alerts", record, webhooks.handlers(record));
    }
}
