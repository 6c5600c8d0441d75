package io.banli.intake.progress;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Intake's own reading of the assignment and supervision events a member's progress is built from
 * (tolerant reader: unknown fields are ignored, the shapes are the README's event catalogue).
 */
final class ProgressEvents {

    static final String PRE_ASSIGNED = "banli.assignment.pre-assigned.v1";
    static final String ASSIGNED = "banli.assignment.assigned.v1";
    static final String ADJUSTMENT_DECIDED = "banli.assignment.adjustment-decided.v1";
    static final String SIGNED = "banli.assignment.signed.v1";
    static final String REPLY_SUBMITTED = "banli.assignment.reply-submitted.v1";
    static final String REPLIED = "banli.assignment.replied.v1";
    static final String EVALUATED = "banli.assignment.evaluated.v1";
    static final String REHANDLING_STARTED = "banli.assignment.rehandling-started.v1";
    static final String CLOSED = "banli.assignment.closed.v1";

    static final String DEADLINE_OPENED = "banli.supervision.deadline-opened.v1";
    static final String DEADLINE_MET = "banli.supervision.deadline-met.v1";
    static final String OVERDUE = "banli.supervision.overdue.v1";
    static final String DEADLINE_EXPIRED = "banli.supervision.deadline-expired.v1";
    static final String DEADLINE_RECOMPUTED = "banli.supervision.deadline-recomputed.v1";

    private ProgressEvents() {
    }

    /** assigned, pre-assigned and rehandling-started share this shape; only the instant's name differs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitPart(Long submissionId, Long assignmentId, Long unitId, String unitName, String role,
            Instant assignedAt, Instant preAssignedAt, Instant startedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AdjustmentDecided(Long submissionId, Long assignmentId, Long unitId, String decision, Long newUnitId,
            Instant decidedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Signed(Long submissionId, Long assignmentId, Long unitId, Instant signedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReplySubmitted(Long submissionId, Long assignmentId, Long unitId, Long replyId, Integer round,
            String resultClass, String fingerprint, Instant submittedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Replied(Long submissionId, Long assignmentId, Long unitId, Long replyId, Integer round, String resultClass,
            String fingerprint, String disclosure, List<Long> recipientIds, Instant repliedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Evaluated(Long submissionId, Long assignmentId, Long unitId, Long replyId, Integer round, Long memberId,
            String rating, Instant evaluatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closed(Long submissionId, String outcome, Instant closedAt) {
    }

    /** Every supervision alert about a deadline; each type fills the instant it names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeadlineAlert(Long submissionId, Long deadlineId, Long assignmentId, Long unitId, String stage,
            Instant dueAt, Instant openedAt, Instant metAt, Instant detectedAt, Instant expiredAt) {
    }
}
