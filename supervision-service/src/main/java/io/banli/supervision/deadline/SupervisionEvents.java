package io.banli.supervision.deadline;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.supervision.rule.Stage;

/**
 * What supervision tells the other services, on {@link #TOPIC}, keyed by submission id: the event catalogue,
 * published as the AsyncAPI document by {@code contract.SupervisionEventContract}.
 */
public final class SupervisionEvents {

    public static final String TOPIC = "banli.supervision.alerts";
    public static final String OPENED = "banli.supervision.deadline-opened.v1";
    public static final String OVERDUE = "banli.supervision.overdue.v1";
    public static final String WARNING = "banli.supervision.deadline-warning.v1";
    public static final String MET = "banli.supervision.deadline-met.v1";
    public static final String EXPIRED = "banli.supervision.deadline-expired.v1";
    public static final String RECOMPUTED = "banli.supervision.deadline-recomputed.v1";
    public static final String EXPLANATION_FILED = "banli.supervision.explanation-filed.v1";
    public static final String ACTION_RECORDED = "banli.supervision.supervision-action-recorded.v1";
    public static final String NOTICE_ISSUED = "banli.supervision.notice-issued.v1";
    public static final String REMINDER_SENT = "banli.supervision.reminder-sent.v1";

    private SupervisionEvents() {
    }

    /**
     * A deadline was opened, or opened again (a returned reply, another re-handling round, the next year's
     * progress report): portals show the proposer and the unit what is due by when. {@code assignmentId}
     * and {@code unitId} are null for a deadline that belongs to no unit's part (none yet: every stage
     * today is a unit's).
     */
    public record DeadlineOpenedV1(long submissionId, long deadlineId, Long assignmentId, Long unitId, @Schema(implementation = Stage.class) String stage,
            Instant dueAt, Instant openedAt) {
    }

    /** Red: a unit's deadline passed with the work not done. Raised once per deadline. */
    public record OverdueV1(long submissionId, long deadlineId, long assignmentId, long unitId, @Schema(implementation = Stage.class) String stage,
            Instant dueAt, Instant detectedAt) {
    }

    /** Yellow: {@code workingDaysLeft} working days before the deadline (0: it is the last day). Once per level. */
    public record DeadlineWarningV1(long submissionId, long deadlineId, long unitId, @Schema(implementation = Stage.class) String stage, int workingDaysLeft,
            Instant dueAt, Instant detectedAt) {
    }

    /** A window (adjustment request, evaluation) passed unused: it closes, nobody is overdue. */
    public record DeadlineExpiredV1(long submissionId, long deadlineId, long assignmentId, long unitId, @Schema(implementation = Stage.class) String stage,
            Instant dueAt, Instant expiredAt) {
    }

    public record DeadlineMetV1(long submissionId, long deadlineId, long unitId, @Schema(implementation = Stage.class) String stage, Instant dueAt,
            Instant metAt, boolean onTime) {
    }

    /** A rule, the calendar or an extension moved the deadline. */
    public record DeadlineRecomputedV1(long submissionId, long deadlineId, long unitId, @Schema(implementation = Stage.class) String stage,
            Instant previousDueAt, Instant dueAt, String reason) {
    }
}
