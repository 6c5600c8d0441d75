package io.banli.intake.webhook;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a platform sends to subscribe, and what the API shows of subscriptions and deliveries. */
final class WebhookApi {

    private WebhookApi() {
    }

    public record NewSubscription(
            @NotBlank @Size(max = 2000) String callbackUrl,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> eventTypes,
            @Size(max = 1000) List<@NotNull Long> memberIds,
            @Size(max = 1000) List<@NotNull Long> unitIds) {
    }

    /** {@code secret} appears only in the answer that created it (creation, rotation). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionView(long id, String clientId, String callbackUrl, List<String> eventTypes,
            List<Long> memberIds, List<Long> unitIds, String state, int consecutiveFailures, Instant failingSince,
            Instant pausedAt, Instant previousSecretValidUntil, Instant createdAt, String secret) {

        static SubscriptionView of(WebhookSubscription s, String secret) {
            return new SubscriptionView(s.id, s.clientId, s.callbackUrl, s.eventTypes, s.memberIds, s.unitIds,
                    s.state.name(), s.consecutiveFailures, s.failingSince, s.pausedAt, s.previousSecretValidUntil,
                    s.createdAt, secret);
        }
    }

    record DeliveryView(long id, long subscriptionId, String eventId, String eventType, Long submissionId,
            String status, int attempts, Integer lastStatusCode, @Schema(nullable = true) String lastError,
            Instant nextAttemptAt,
            @Schema(nullable = true) Instant deliveredAt, Instant createdAt) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.subscriptionId, d.eventId, d.eventType, d.submissionId, d.status.name(),
                    d.attempts, d.lastStatusCode, d.lastError,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt, d.createdAt);
        }
    }

    record Page<T>(List<T> items, int page, int size, long total) implements io.banli.kit.http.Paged {
        @Override
        public int pageSize() {
            return size;
        }
    }

    /** One page of deliveries as the API answers it: a concrete type, so the document names its schema. */
    record DeliveryPage(List<DeliveryView> items, int page, int size, long total) implements io.banli.kit.http.Paged {
        @Override
        public int pageSize() {
            return size;
        }
    }
}
