package io.banli.supervision.sweep;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.kit.change.StateChange;
import io.banli.supervision.deadline.AlertLevel;
import io.banli.supervision.deadline.Deadline;
import io.banli.supervision.deadline.DeadlineState;
import io.banli.supervision.deadline.SupervisionEvents;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineExpiredV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineWarningV1;
import io.banli.supervision.deadline.SupervisionEvents.OverdueV1;
import io.banli.supervision.reminder.Reminders;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Raises the alerts whose time has come: yellow warnings N working days before a deadline, and the
 * red overdue alert once it has passed; a window (adjustment request, evaluation) expires instead.
 * Only a unit's own duties remind the unit's people.
 *
 * <p>Each run asks the partial index of pending alerts for those due now, so an idle run costs an
 * index probe however many deadlines are open. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several replicas never raise the same alert, and an alert is marked raised in the
 * transaction that writes its event to the outbox: once per deadline and level, across restarts.
 */
@ApplicationScoped
public class AlertSweep {

    private static final int BATCH = 500;

    @Inject
    StateChange change;

    @Inject
    EntityManager em;

    @Inject
    Reminders reminders;

    @Scheduled(every = "${banli.sweep.interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            Log.infof("Alert sweep handled %d alert(s)", total);
        }
    }

    /** Raises up to {@link #BATCH} due alerts; returns how many it claimed. */
    @SuppressWarnings("unchecked")
    public int sweepBatch() {
        Instant now = change.now();
        // The deadline row is locked with its alert: a consumer meeting the deadline right now waits for
        // this transaction (or is skipped here), so neither overwrites the other.
        List<Object[]> due = em.createNativeQuery("""
                select a.id, a.level, a.deadline_id from deadline_alert a join deadline d on d.id = a.deadline_id
                where a.fired_at is null and a.fire_at <= :now
                order by a.fire_at limit :batch for update of a, d skip locked""")
                .setParameter("now", now).setParameter("batch", BATCH).getResultList();
        for (Object[] row : due) {
            long alertId = ((Number) row[0]).longValue();
            String level = (String) row[1];
            Deadline deadline = Deadline.findById(((Number) row[2]).longValue());
            if (deadline.state != DeadlineState.OPEN
                    || !level.equals(AlertLevel.RED) && !now.isBefore(deadline.dueAt)) {
                // Met or closed meanwhile, or a warning overtaken by the overdue alert: nothing to say.
                em.createNativeQuery("delete from deadline_alert where id = :id").setParameter("id", alertId)
                        .executeUpdate();
                continue;
            }
            raise(deadline, level, now);
            if (deadline.stage.unitDuty()) {
                reminders.plan(deadline, level);
            }
            em.createNativeQuery("update deadline_alert set fired_at = :now where id = :id")
                    .setParameter("now", now).setParameter("id", alertId).executeUpdate();
        }
        return due.size();
    }

    private void raise(Deadline deadline, String level, Instant now) {
        String key = deadline.submissionId.toString();
        if (level.equals(AlertLevel.RED) && deadline.stage.expires()) {
            // A window that passed unused closes: nobody is overdue and nobody is reminded.
            deadline.state = DeadlineState.EXPIRED;
            change.announce(SupervisionEvents.TOPIC, SupervisionEvents.EXPIRED, key,
                    new DeadlineExpiredV1(deadline.submissionId, deadline.id, deadline.assignmentId, deadline.unitId,
                            deadline.stage.name(), deadline.dueAt, now));
            change.audit("deadline.expired", "submission", deadline.submissionId,
                    "unit " + deadline.unitId + " " + deadline.stage + " due " + deadline.dueAt);
        } else if (level.equals(AlertLevel.RED)) {
            deadline.state = DeadlineState.OVERDUE;
            deadline.overdueAt = now;
            change.announce(SupervisionEvents.TOPIC, SupervisionEvents.OVERDUE, key,
                    new OverdueV1(deadline.submissionId, deadline.id, deadline.assignmentId, deadline.unitId,
                            deadline.stage.name(), deadline.dueAt, now));
            change.audit("deadline.overdue", "submission", deadline.submissionId,
                    "unit " + deadline.unitId + " " + deadline.stage + " due " + deadline.dueAt);
        } else {
            int workingDaysLeft = Integer.parseInt(level.substring(AlertLevel.YELLOW_PREFIX.length()));
            change.announce(SupervisionEvents.TOPIC, SupervisionEvents.WARNING, key,
                    new DeadlineWarningV1(deadline.submissionId, deadline.id, deadline.unitId, deadline.stage.name(),
                            workingDaysLeft, deadline.dueAt, now));
        }
    }
}
