package io.banli.supervision.reminder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

import io.banli.kit.config.BanliConfig;
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
 *
 * <p>A message, once out, cannot be taken back, so no transaction is ever open while one is sent: a batch
 * is <b>claimed</b> in a short transaction (state SENDING, the claim's time and id, the attempt counted),
 * <b>sent</b> after that commit, several at a time, and each outcome <b>recorded</b> in another short
 * transaction, only by the claim that still holds it. A slow channel therefore delays its own messages,
 * never rolls back the others' record and never makes them go out twice. A claim that is never recorded (a
 * crash mid-send) is taken again once {@link ReminderConfig#claimLease()} has passed; the message then goes
 * out a second time with the same delivery key (Message-ID, Idempotency-Key), so the receiver can tell.
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

    @Inject
    BanliConfig banli;

    private ExecutorService senders;

    /** Data of {@code banli.supervision.reminder-sent.v1}: who was told how, never their address. */
    public record ReminderSentV1(long reminderId, long submissionId, long deadlineId, long unitId, String level,
            @Schema(enumeration = {"LIAISON", "HEAD", "LEADER", "PLATFORM"}) String recipient,
            @Schema(implementation = Reminder.Channel.class) String channel, Instant sentAt) {
    }

    @PostConstruct
    void start() {
        senders = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "reminder-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /**
     * Delivers what is due, if it is working time now, and returns when every claimed message's outcome is
     * recorded; runs on the schedule, tests call it directly.
     */
    @Scheduled(every = "${banli.reminders.interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void deliverDue() {
        if (!inWorkingHours(clock.instant())) {
            return;
        }
        List<Reminder> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(this::claim);
            if (!claimed.isEmpty()) {
                Log.debugf("Delivering %d reminder(s)", claimed.size());
            }
            CompletableFuture.allOf(claimed.stream()
                    .map(reminder -> CompletableFuture.runAsync(() -> deliver(reminder), senders))
                    .toArray(CompletableFuture[]::new)).join();
        } while (claimed.size() == BATCH);
    }

    boolean inWorkingHours(Instant at) {
        ZonedDateTime local = at.atZone(banli.zone());
        LocalTime time = local.toLocalTime();
        return calendar.isWorkingDay(local.toLocalDate()) && !time.isBefore(config.workingHoursStart())
                && time.isBefore(config.workingHoursEnd());
    }

    /**
     * Claims up to a batch of due reminders, and those whose claim's lease has passed unrecorded. Returns
     * them as they were claimed (detached: the rows are only changed by {@link #record}).
     */
    List<Reminder> claim() {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        return em.unwrap(Session.class).doReturningWork(db -> {
            try (PreparedStatement update = db.prepareStatement("""
                    update reminder set state = 'SENDING', claimed_at = ?, claim_id = ?, attempts = attempts + 1
                    where id in (select id from reminder
                                 where state = 'PENDING' and next_attempt_at <= ?
                                    or state = 'SENDING' and claimed_at <= ?
                                 order by next_attempt_at limit ? for update skip locked)
                    returning id, deadline_id, submission_id, unit_id, level, recipient, channel, address, message,
                              attempts, delivery_key""")) {
                update.setObject(1, utc(now));
                update.setObject(2, claim);
                update.setObject(3, utc(now));
                update.setObject(4, utc(now.minus(config.claimLease())));
                update.setInt(5, BATCH);
                List<Reminder> claimed = new ArrayList<>();
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        Reminder r = new Reminder();
                        r.id = rs.getLong(1);
                        r.deadlineId = rs.getLong(2);
                        r.submissionId = rs.getLong(3);
                        r.unitId = rs.getLong(4);
                        r.level = rs.getString(5);
                        r.recipient = rs.getString(6);
                        r.channel = Reminder.Channel.valueOf(rs.getString(7));
                        r.address = rs.getString(8);
                        r.message = rs.getString(9);
                        r.attempts = rs.getInt(10);
                        r.deliveryKey = rs.getObject(11, UUID.class);
                        r.claimId = claim;
                        claimed.add(r);
                    }
                }
                return claimed;
            }
        });
    }

    /** Sends one claimed reminder (no transaction open) and records the outcome (a short one). */
    private void deliver(Reminder reminder) {
        String error = null;
        try {
            channels.deliver(reminder);
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (Throwable e) {
            // Whatever it was, the claim must not stay open until its lease ends.
            error = e.toString();
        }
        String outcome = error;
        try {
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).run(() -> record(reminder, outcome));
        } catch (RuntimeException e) {
            // The claim stays SENDING and is taken again when its lease has passed.
            Log.warnf("Outcome of reminder %d not recorded: %s", reminder.id, e.getMessage());
        }
    }

    private void record(Reminder reminder, String error) {
        Instant now = clock.instant();
        if (error == null) {
            int recorded = em.createNativeQuery("""
                    update reminder set state = 'SENT', sent_at = :now, last_error = null, claimed_at = null,
                                        claim_id = null
                    where id = :id and claim_id = :claim""")
                    .setParameter("now", now).setParameter("id", reminder.id).setParameter("claim", reminder.claimId)
                    .executeUpdate();
            if (recorded == 1) {
                outbox.publish(SupervisionEvents.TOPIC, SupervisionEvents.REMINDER_SENT,
                        reminder.submissionId.toString(), new ReminderSentV1(reminder.id, reminder.submissionId,
                                reminder.deadlineId, reminder.unitId, reminder.level, reminder.recipient,
                                reminder.channel.name(), now));
            } else {
                Log.infof("Reminder %d was sent, but its claim had been taken over meanwhile", reminder.id);
            }
            return;
        }
        Log.infof("Reminder %d (%s) not delivered, attempt %d: %s", reminder.id, reminder.channel, reminder.attempts,
                error);
        boolean givenUp = reminder.attempts >= MAX_ATTEMPTS;
        if (givenUp) {
            Log.warnf("Reminder %d given up after %d attempts: %s", reminder.id, reminder.attempts, error);
        }
        em.createNativeQuery("""
                update reminder set state = :state, last_error = :error, next_attempt_at = :next, claimed_at = null,
                                    claim_id = null
                where id = :id and claim_id = :claim""")
                .setParameter("state", givenUp ? Reminder.DeliveryState.FAILED.name() : Reminder.DeliveryState.PENDING.name())
                .setParameter("error", error)
                .setParameter("next", givenUp ? now : now.plus(backoff(reminder.attempts)))
                .setParameter("id", reminder.id).setParameter("claim", reminder.claimId)
                .executeUpdate();
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, config.transactionTimeout().toSeconds());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** 1, 2, 4 … minutes, at most 2 hours: eight attempts span about four hours of working time. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(120, 1L << (attempts - 1)));
    }
}
