package io.banli.intake.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.banli.intake.webhook.WebhookFanOut;
import io.banli.kit.consumer.EventConsumer;
import io.smallrye.common.annotation.Blocking;

/**
 * Supervision's alerts: the deadlines a member's progress shows, and the overdue and warning webhooks.
 * Idempotent through the inbox; records it cannot read go to {@code banli.intake.dead-letter}.
 */
@ApplicationScoped
public class SupervisionAlertsConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    ProgressProjection progress;

    @Inject
    WebhookFanOut webhooks;

    @Incoming("alerts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.dispatch("alerts", record, WebhookFanOut.merged(progress.alertHandlers(), webhooks.handlers(record)));
    }
}
