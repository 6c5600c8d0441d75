package io.banli.supervision.reminder;

import java.time.Instant;

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

    public enum Channel {
        EMAIL,
        SMS,
        WEBHOOK
    }

    public enum DeliveryState {
        PENDING,
        SENT,
        /** Given up after {@link ReminderDispatcher#MAX_ATTEMPTS} attempts. */
        FAILED
    }
}
