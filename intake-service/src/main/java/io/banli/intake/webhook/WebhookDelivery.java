package io.banli.intake.webhook;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event for one subscription: the body as it will be sent, and how its attempts went. */
@Entity
public class WebhookDelivery extends PanacheEntityBase {

    @Schema(name = "DeliveryStatus", description = "Where a webhook delivery stands.")
    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long subscriptionId;

    /** The Kafka event's CloudEvents id: the receiver's idempotency key ({@code ce-id}). */
    public String eventId;

    public String eventType;

    public String eventSource;

    public Instant eventTime;

    public Long submissionId;

    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    public Instant firstAttemptAt;

    public Instant nextAttemptAt;

    public Integer lastStatusCode;

    public String lastError;

    public Instant deliveredAt;

    public Instant createdAt;
}
