package io.banli.supervision.deadline;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.banli.kit.outbox.Outbox;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineMetV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineRecomputedV1;
import io.banli.supervision.rule.DeadlineRule;
import io.banli.supervision.rule.DeadlineRules;
import io.quarkus.logging.Log;

/**
 * Opens, meets, extends, closes and recomputes deadlines, keeping each one's pending alerts (its
 * warnings and its overdue alert) in step with its due time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Deadlines {

    @Inject
    EntityManager em;

    @Inject
    DeadlineRules rules;

    @Inject
    DueDates dueDates;

    @Inject
    Outbox outbox;

    public record Opening(long submissionId, String kind, long assignmentId, long unitId, String unitName, Stage stage,
            Instant startsAt, boolean keyItem, String leadingOfficial) {
    }

    public Deadline open(Opening opening) {
        DeadlineRule rule = rules.applicable(opening.stage(), opening.kind());
        Deadline deadline = new Deadline();
        deadline.submissionId = opening.submissionId();
        deadline.kind = opening.kind();
        deadline.assignmentId = opening.assignmentId();
        deadline.unitId = opening.unitId();
        deadline.unitName = opening.unitName();
        deadline.keyItem = opening.keyItem();
        deadline.leadingOfficial = opening.leadingOfficial();
        deadline.stage = opening.stage();
        deadline.startsAt = opening.startsAt();
        deadline.state = DeadlineState.OPEN;
        DueDates.Due due = computeDue(deadline, rule);
        deadline.persist();
        scheduleAlerts(deadline, due);
        return deadline;
    }

    /** The stage's work was done at {@code at}: the deadline is met, on time or late, and stops alerting. */
    public void meet(long submissionId, long unitId, Stage stage, Instant at) {
        for (Deadline deadline : owed(submissionId, unitId, stage)) {
            deadline.state = DeadlineState.MET;
            deadline.metAt = at;
            deadline.metOnTime = !at.isAfter(deadline.dueAt);
            dropPendingAlerts(deadline);
            outbox.publish(SupervisionEvents.TOPIC, SupervisionEvents.MET, String.valueOf(submissionId),
                    new DeadlineMetV1(submissionId, deadline.id, unitId, stage.name(), deadline.dueAt, at,
                            deadline.metOnTime));
        }
    }

    /** An approved extension: the deadline moves to the rule's extended end. */
    public void extend(long submissionId, long unitId, Stage stage) {
        for (Deadline deadline : owed(submissionId, unitId, stage)) {
            deadline.extended = true;
            reschedule(deadline, "extension approved");
        }
    }

    /** The item is closed or withdrawn: nothing more is owed on it. */
    public void closeAll(long submissionId) {
        List<Deadline> open = Deadline.<Deadline>find("submissionId = ?1 and state = ?2", submissionId,
                DeadlineState.OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Deadline deadline : open) {
            deadline.state = DeadlineState.CLOSED;
            dropPendingAlerts(deadline);
        }
    }

    /** Computes the deadline again with the rule and calendar now in force; publishes if it moved. */
    public void reschedule(Deadline deadline, String reason) {
        Instant previous = deadline.dueAt;
        dropPendingAlerts(deadline);
        scheduleAlerts(deadline, computeDue(deadline, rules.applicable(deadline.stage, deadline.kind)));
        if (!deadline.dueAt.equals(previous)) {
            outbox.publish(SupervisionEvents.TOPIC, SupervisionEvents.RECOMPUTED,
                    String.valueOf(deadline.submissionId),
                    new DeadlineRecomputedV1(deadline.submissionId, deadline.id, deadline.unitId,
                            deadline.stage.name(), previous, deadline.dueAt, reason));
        }
    }

    private DueDates.Due computeDue(Deadline deadline, DeadlineRule rule) {
        DueDates.Due due = dueDates.compute(rule, deadline.startsAt, deadline.extended);
        deadline.ruleId = rule.id;
        deadline.dueAt = due.dueAt();
        deadline.provisional = !due.guessedYears().isEmpty();
        if (deadline.provisional) {
            Log.warnf("A %s deadline of submission %d was counted without a working-day calendar for %s: "
                    + "load it to make the deadline exact", deadline.stage, deadline.submissionId, due.guessedYears());
        }
        return due;
    }

    private void scheduleAlerts(Deadline deadline, DueDates.Due due) {
        for (DueDates.Warning warning : due.warnings()) {
            alert(deadline, "YELLOW-" + warning.workingDaysBefore(), warning.fireAt());
        }
        alert(deadline, AlertLevel.RED, deadline.dueAt);
    }

    private void alert(Deadline deadline, String level, Instant fireAt) {
        // A level already raised (before a recompute) is not raised again.
        em.createNativeQuery("""
                insert into deadline_alert (deadline_id, level, fire_at) values (:deadline, :level, :at)
                on conflict (deadline_id, level) do nothing""")
                .setParameter("deadline", deadline.id).setParameter("level", level).setParameter("at", fireAt)
                .executeUpdate();
    }

    private void dropPendingAlerts(Deadline deadline) {
        em.createNativeQuery("delete from deadline_alert where deadline_id = :deadline and fired_at is null")
                .setParameter("deadline", deadline.id).executeUpdate();
    }

    /** Locked: the sweep may be raising an alert on the same deadline right now. */
    private static List<Deadline> owed(long submissionId, long unitId, Stage stage) {
        return Deadline.<Deadline>find("submissionId = ?1 and unitId = ?2 and stage = ?3 and state in ?4",
                submissionId, unitId, stage, List.of(DeadlineState.OPEN, DeadlineState.OVERDUE))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
