package io.banli.supervision.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.banli.kit.outbox.Outbox;
import io.banli.supervision.calendar.WorkingCalendar;
import io.banli.supervision.deadline.SupervisionEvents;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers pending reminders, only in working hours of working days: a warning raised on a Saturday
 * night reaches people on Monday morning, never at midnight. A failed delivery is retried with a
 * growing pause and given up after {@link #MAX_ATTEMPTS} attempts; every attempt is recorded.
 */
@ApplicationScoped
public class ReminderDispatcher {

    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;

    @Inject
    EntityManager em;

    @Inject
    Channels channels;

    @Inject
    ReminderConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @ConfigProperty(name = "banli.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /** Data of {@code banli.supervision.reminder-sent.v1}: who was told how, never their address. */
    public record ReminderSentV1(long reminderId, long submissionId, long deadlineId, long unitId, String level,
            String recipient, String channel, Instant sentAt) {
    }

    /** Delivers what is due, if it is working time now; runs on the schedule, tests call it directly. */
    @Scheduled(every = "${banli.reminders.interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void deliverDue() {
        if (!inWorkingHours(clock.instant())) {
            return;
        }
        while (QuarkusTransaction.requiringNew().call(this::deliverBatch) == BATCH) {
            // Go on while full batches come back.
        }
    }

    boolean inWorkingHours(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return calendar.isWorkingDay(local.toLocalDate()) && !time.isBefore(config.workingHoursStart())
                && time.isBefore(config.workingHoursEnd());
    }

    @SuppressWarnings("unchecked")
    int deliverBatch() {
        Instant now = clock.instant();
        List<Number> ids = em.createNativeQuery("""
                select id from reminder where state = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at limit :batch for update skip locked""")
                .setParameter("now", now).setParameter("batch", BATCH).getResultList();
        if (!ids.isEmpty()) {
            Log.debugf("Delivering %d reminder(s)", ids.size());
        }
        for (Number id : ids) {
            Reminder reminder = Reminder.findById(id.longValue());
            reminder.attempts++;
            try {
                channels.deliver(reminder);
                reminder.state = Reminder.DeliveryState.SENT;
                reminder.sentAt = now;
                reminder.lastError = null;
                outbox.publish(SupervisionEvents.TOPIC, SupervisionEvents.REMINDER_SENT,
                        reminder.submissionId.toString(), new ReminderSentV1(reminder.id, reminder.submissionId,
                                reminder.deadlineId, reminder.unitId, reminder.level, reminder.recipient,
                                reminder.channel.name(), now));
            } catch (Exception e) {
                reminder.lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Log.infof("Reminder %d (%s) not delivered, attempt %d: %s", reminder.id, reminder.channel,
                        reminder.attempts, reminder.lastError);
                if (reminder.attempts >= MAX_ATTEMPTS) {
                    reminder.state = Reminder.DeliveryState.FAILED;
                    Log.warnf("Reminder %d given up after %d attempts: %s", reminder.id, reminder.attempts,
                            reminder.lastError);
                } else {
                    reminder.nextAttemptAt = now.plus(backoff(reminder.attempts));
                }
            }
        }
        return ids.size();
    }

    /** 1, 2, 4 … minutes, at most 2 hours: eight attempts span about four hours of working time. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(120, 1L << (attempts - 1)));
    }
}
