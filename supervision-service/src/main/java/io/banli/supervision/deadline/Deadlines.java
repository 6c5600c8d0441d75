package io.banli.supervision.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.banli.kit.change.StateChange;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineMetV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineOpenedV1;
import io.banli.supervision.deadline.SupervisionEvents.DeadlineRecomputedV1;
import io.banli.supervision.rule.DeadlineRule;
import io.banli.supervision.rule.DeadlineRules;
import io.banli.supervision.rule.Stage;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;

/**
 * Opens, meets, extends, re-opens, closes and recomputes deadlines, keeping each one's pending alerts
 * (its warnings and its overdue alert) in step with its due time. Every change is audited.
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
    StateChange change;

    /** What the assignment said about the item and the unit; events after the assignment do not repeat it. */
    public record Item(String kind, String level, Integer number, String unitName, boolean keyItem,
            String leadingOfficial) {
        static final Item UNKNOWN = new Item(null, null, null, null, false, null);

        /** The item as an earlier deadline recorded it. */
        static Item of(Deadline d) {
            return new Item(d.kind, d.level, d.submissionNumber, d.unitName, d.keyItem, d.leadingOfficial);
        }
    }

    /**
     * A deadline to open. {@code commitmentId} and {@code cycle} tell apart several deadlines of one stage
     * on one assignment; {@code fixedLastDay} is a last day given by the event (a promised date).
     */
    public record Opening(long submissionId, long assignmentId, long unitId, Stage stage, Instant startsAt, Item item,
            Long commitmentId, int cycle, LocalDate fixedLastDay) {

        public Opening(long submissionId, long assignmentId, long unitId, Stage stage, Instant startsAt, Item item) {
            this(submissionId, assignmentId, unitId, stage, startsAt, item, null, 1, null);
        }
    }

    /** Opens the deadline unless it exists already (a redelivered or repeated event opens nothing new). */
    public Deadline open(Opening opening) {
        Optional<Deadline> existing = find(opening.assignmentId(), opening.stage(), opening.commitmentId(),
                opening.cycle());
        if (existing.isPresent()) {
            return existing.get();
        }
        Item item = opening.item();
        Deadline deadline = new Deadline();
        deadline.submissionId = opening.submissionId();
        deadline.assignmentId = opening.assignmentId();
        deadline.unitId = opening.unitId();
        deadline.kind = item.kind();
        deadline.level = item.level();
        deadline.submissionNumber = item.number();
        deadline.unitName = item.unitName();
        deadline.keyItem = item.keyItem();
        deadline.leadingOfficial = item.leadingOfficial();
        deadline.stage = opening.stage();
        deadline.commitmentId = opening.commitmentId();
        deadline.cycle = opening.cycle();
        deadline.fixedLastDay = opening.fixedLastDay();
        deadline.startsAt = opening.startsAt();
        deadline.state = DeadlineState.OPEN;
        DueDates.Due due = computeDue(deadline, rules.applicable(deadline.stage, deadline.kind, deadline.level));
        deadline.persist();
        scheduleAlerts(deadline, due, null);
        announceOpened(deadline);
        change.audit("deadline.opened", "submission", deadline.submissionId,
                describe(deadline) + " due " + deadline.dueAt);
        return deadline;
    }

    /**
     * The cycle a stage that can come round again on one assignment (a second re-handling, another
     * extension request) opens next; empty while one is still owed, so a repeat opens nothing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalInt nextCycle(long assignmentId, Stage stage) {
        List<Deadline> earlier = Deadline.list("assignmentId = ?1 and stage = ?2", assignmentId, stage);
        if (earlier.stream().anyMatch(d -> d.state == DeadlineState.OPEN || d.state == DeadlineState.OVERDUE)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(earlier.stream().mapToInt(d -> d.cycle).max().orElse(0) + 1);
    }

    /** The item as an earlier deadline of the unit recorded it, for events that do not carry it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Item itemOf(long submissionId, long assignmentId, long unitId) {
        return Deadline.<Deadline>find("assignmentId = ?1 or (submissionId = ?2 and unitId = ?3) order by id",
                assignmentId, submissionId, unitId).firstResultOptional()
                .map(Item::of).orElse(Item.UNKNOWN);
    }

    /** The stage's work was done at {@code at}: the deadline is met, on time or late, and stops alerting. */
    public List<Deadline> meet(long submissionId, long unitId, Stage stage, Instant at) {
        List<Deadline> owed = owed("submissionId = :submission and unitId = :unit and stage = :stage"
                + (stage == Stage.COMMITMENT ? " and commitmentId is not null" : ""),
                Parameters.with("submission", submissionId).and("unit", unitId).and("stage", stage));
        owed.forEach(deadline -> met(deadline, at));
        return owed;
    }

    /** A fulfilled commitment ({@code commitmentId}) or, with null, the yearly progress report of the unit. */
    public List<Deadline> meetCommitment(long submissionId, long unitId, Long commitmentId, Instant at) {
        Parameters params = Parameters.with("submission", submissionId).and("unit", unitId)
                .and("stage", Stage.COMMITMENT);
        String which = commitmentId == null ? "commitmentId is null" : "commitmentId = :commitment";
        if (commitmentId != null) {
            params.and("commitment", commitmentId);
        }
        List<Deadline> owed = owed("submissionId = :submission and unitId = :unit and stage = :stage and " + which,
                params);
        owed.forEach(deadline -> met(deadline, at));
        return owed;
    }

    /** Whether the unit still owes a promised commitment on the item. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean commitmentsOwed(long submissionId, long unitId) {
        return Deadline.count("submissionId = ?1 and unitId = ?2 and stage = ?3 and commitmentId is not null "
                + "and state in ?4", submissionId, unitId, Stage.COMMITMENT,
                List.of(DeadlineState.OPEN, DeadlineState.OVERDUE)) > 0;
    }

    private void met(Deadline deadline, Instant at) {
        deadline.state = DeadlineState.MET;
        deadline.metAt = at;
        deadline.metOnTime = !at.isAfter(deadline.dueAt);
        dropPendingAlerts(deadline);
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.MET, String.valueOf(deadline.submissionId),
                new DeadlineMetV1(deadline.submissionId, deadline.id, deadline.unitId, deadline.stage.name(),
                        deadline.dueAt, at, deadline.metOnTime));
        change.audit("deadline.met", "submission", deadline.submissionId,
                describe(deadline) + (deadline.metOnTime ? " on time" : " late"));
    }

    /**
     * An approved extension: the deadline runs to {@code until}, never beyond the rule's extended end
     * (6 months from assignment for replies); without a date, to that end.
     */
    public void extend(long submissionId, long unitId, Stage stage, LocalDate until) {
        for (Deadline deadline : owed("submissionId = :submission and unitId = :unit and stage = :stage",
                Parameters.with("submission", submissionId).and("unit", unitId).and("stage", stage))) {
            deadline.extended = true;
            deadline.fixedLastDay = until;
            reschedule(deadline, "extension approved" + (until == null ? "" : " to " + until));
        }
    }

    /**
     * The office returned the unit's reply: the unit owes a reply again. Its latest met reply (or
     * re-handling) deadline opens again; alert levels it raised before are not raised twice, and
     * warnings whose time has passed are not raised late.
     */
    public Optional<Deadline> reopen(long submissionId, long unitId) {
        Optional<Deadline> last = Deadline.<Deadline>find("submissionId = ?1 and unitId = ?2 and stage in ?3 "
                + "and state = ?4 order by case when stage = ?5 then 0 else 1 end, startsAt desc, id desc",
                submissionId, unitId, List.of(Stage.REPLY, Stage.REHANDLING), DeadlineState.MET, Stage.REHANDLING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        last.ifPresent(deadline -> {
            deadline.state = deadline.overdueAt != null ? DeadlineState.OVERDUE : DeadlineState.OPEN;
            deadline.metAt = null;
            deadline.metOnTime = null;
            if (deadline.state == DeadlineState.OPEN) {
                scheduleAlerts(deadline, computeDue(deadline, rules.applicable(deadline.stage, deadline.kind,
                        deadline.level)), change.now());
            }
            // Owed again, overdue or not: the portals show the due date once more.
            announceOpened(deadline);
            change.audit("deadline.reopened", "submission", submissionId, describe(deadline) + ": reply returned");
        });
        return last;
    }

    /**
     * The item is closed ({@code keepCommitments}: promises stay tracked, and the evaluation windows run on for
     * the co-signers who have not rated yet) or withdrawn: nothing more is owed.
     */
    public void closeAll(long submissionId, boolean keepCommitments, String why) {
        close(Deadline.<Deadline>find("submissionId = ?1 and state = ?2" + (keepCommitments ? " and stage not in ?3" : ""),
                keepCommitments ? new Object[] {submissionId, DeadlineState.OPEN,
                        List.of(Stage.COMMITMENT, Stage.EVALUATION)} : new Object[] {submissionId, DeadlineState.OPEN})
                .withLock(LockModeType.PESSIMISTIC_WRITE).list(), why);
    }

    /** Ends a stage of one unit without alert, e.g. the adjustment window once the assignment is formal. */
    public void closeStage(long submissionId, long unitId, long assignmentId, Stage stage, String why) {
        close(Deadline.<Deadline>find("(assignmentId = ?1 or (submissionId = ?2 and unitId = ?3)) and stage = ?4 "
                + "and state = ?5", assignmentId, submissionId, unitId, stage, DeadlineState.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list(), why);
    }

    private void close(List<Deadline> open, String why) {
        for (Deadline deadline : open) {
            deadline.state = DeadlineState.CLOSED;
            dropPendingAlerts(deadline);
            change.audit("deadline.closed", "submission", deadline.submissionId, describe(deadline) + ": " + why);
        }
    }

    /** Computes the deadline again with the rule and calendar now in force; publishes and audits if it moved. */
    public void reschedule(Deadline deadline, String reason) {
        reschedule(deadline, rules.applicable(deadline.stage, deadline.kind, deadline.level), reason);
    }

    /**
     * After a rule change: computes the deadline again only if the rule governing it is now another one,
     * so a rule for one kind or level leaves every other deadline as it was.
     */
    public void reapplyRule(Deadline deadline, String reason) {
        DeadlineRule rule = rules.applicable(deadline.stage, deadline.kind, deadline.level);
        if (!rule.id.equals(deadline.ruleId)) {
            reschedule(deadline, rule, reason);
        }
    }

    private void reschedule(Deadline deadline, DeadlineRule rule, String reason) {
        Instant previous = deadline.dueAt;
        dropPendingAlerts(deadline);
        scheduleAlerts(deadline, computeDue(deadline, rule), null);
        if (!deadline.dueAt.equals(previous)) {
            change.announce(SupervisionEvents.TOPIC, SupervisionEvents.RECOMPUTED,
                    String.valueOf(deadline.submissionId),
                    new DeadlineRecomputedV1(deadline.submissionId, deadline.id, deadline.unitId,
                            deadline.stage.name(), previous, deadline.dueAt, reason));
            change.audit("deadline.recomputed", "submission", deadline.submissionId,
                    describe(deadline) + " due " + previous + " -> " + deadline.dueAt + ": " + reason);
        }
    }

    private void announceOpened(Deadline deadline) {
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.OPENED, String.valueOf(deadline.submissionId),
                new DeadlineOpenedV1(deadline.submissionId, deadline.id, deadline.assignmentId, deadline.unitId,
                        deadline.stage.name(), deadline.dueAt, change.now()));
    }

    private DueDates.Due computeDue(Deadline deadline, DeadlineRule rule) {
        DueDates.Due due = dueDates.compute(rule, deadline.startsAt, deadline.extended, deadline.fixedLastDay);
        deadline.ruleId = rule.id;
        deadline.dueAt = due.dueAt();
        deadline.provisional = !due.guessedYears().isEmpty();
        if (deadline.provisional) {
            Log.warnf("A %s deadline of submission %d was counted without a working-day calendar for %s: "
                    + "load it to make the deadline exact", deadline.stage, deadline.submissionId, due.guessedYears());
        }
        return due;
    }

    /** @param warningsAfter when given, warnings due before it are left out (a deadline re-opened late) */
    private void scheduleAlerts(Deadline deadline, DueDates.Due due, Instant warningsAfter) {
        for (DueDates.Warning warning : due.warnings()) {
            if (warningsAfter == null || warning.fireAt().isAfter(warningsAfter)) {
                alert(deadline, AlertLevel.YELLOW_PREFIX + warning.workingDaysBefore(), warning.fireAt());
            }
        }
        alert(deadline, AlertLevel.RED, deadline.dueAt);
    }

    private void alert(Deadline deadline, String level, Instant fireAt) {
        // A level already raised (before a recompute or a re-opening) is not raised again.
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

    private static Optional<Deadline> find(long assignmentId, Stage stage, Long commitmentId, int cycle) {
        return Deadline.<Deadline>find("assignmentId = ?1 and stage = ?2 and cycle = ?3 and "
                + (commitmentId == null ? "commitmentId is null" : "commitmentId = ?4"),
                commitmentId == null ? new Object[] {assignmentId, stage, cycle}
                        : new Object[] {assignmentId, stage, cycle, commitmentId}).firstResultOptional();
    }

    /** Still owed (open or overdue), locked: the sweep may be raising an alert on the same deadline right now. */
    private static List<Deadline> owed(String condition, Parameters params) {
        return Deadline.<Deadline>find(condition + " and state in :owed order by id",
                params.and("owed", List.of(DeadlineState.OPEN, DeadlineState.OVERDUE)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static String describe(Deadline deadline) {
        return "unit " + deadline.unitId + " " + deadline.stage
                + (deadline.commitmentId != null ? " commitment " + deadline.commitmentId : "")
                + (deadline.cycle > 1 ? " cycle " + deadline.cycle : "");
    }
}
