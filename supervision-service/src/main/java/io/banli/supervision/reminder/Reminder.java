package io.banli.supervision.reminder;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message to one recipient over one channel, and what became of it. */
@Entity
public class Reminder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long deadlineId;

    public Long submissionId;

    public Long unitId;

    public String level;

    /** LIAISON or HEAD of the unit, or PLATFORM for the webhook. */
    public String recipient;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** E-mail address, phone number or URL: personal information except the URL. */
    public String address;

    public String message;

    @Enumerated(EnumType.STRING)
    public DeliveryState state;

    public int attempts;

    public Instant nextAttemptAt;

    public String lastError;

    public Instant sentAt;

    public Instant createdAt;

    /** When the delivery in progress was claimed; a claim older than the lease is taken again. */
    public Instant claimedAt;

    /** Which claim holds it: only that claim records the outcome. */
    public UUID claimId;

    /**
     * The same for every attempt of this reminder and sent with each (Message-ID, Idempotency-Key, the webhook's
     * CloudEvent id): a receiver recognises a repeated delivery. Set by the database.
     */
    @Column(insertable = false, updatable = false)
    public UUID deliveryKey;

    public enum Channel {
        EMAIL,
        SMS,
        WEBHOOK
    }

    public enum DeliveryState {
        PENDING,
        /** Claimed by a dispatcher and being sent, outside any transaction; the outcome follows. */
        SENDING,
        SENT,
        /** Given up after {@link ReminderDispatcher#MAX_ATTEMPTS} attempts. */
        FAILED
    }
}
