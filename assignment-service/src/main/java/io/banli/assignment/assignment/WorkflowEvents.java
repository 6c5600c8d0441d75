package io.banli.assignment.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What assignment tells the other services, on {@link #TOPIC}, keyed by submission id. The shapes are
 * the README's event catalogue; ids only, never contact data.
 */
public final class WorkflowEvents {

    public static final String TOPIC = "banli.assignment.workflow";
    private static final String PREFIX = "banli.assignment.";
    public static final String PRE_ASSIGNED = PREFIX + "pre-assigned.v1";
    public static final String ADJUSTMENT_REQUESTED = PREFIX + "adjustment-requested.v1";
    public static final String ADJUSTMENT_DECIDED = PREFIX + "adjustment-decided.v1";
    public static final String ASSIGNED = PREFIX + "assigned.v1";
    public static final String SIGNED = PREFIX + "signed.v1";
    public static final String CONTACT_RECORDED = PREFIX + "contact-recorded.v1";
    public static final String OPINION_SENT = PREFIX + "opinion-sent.v1";
    public static final String REPLY_APPROVED = PREFIX + "reply-approved.v1";
    public static final String REPLY_SUBMITTED = PREFIX + "reply-submitted.v1";
    public static final String REPLY_RETURNED = PREFIX + "reply-returned.v1";
    public static final String REPLIED = PREFIX + "replied.v1";
    public static final String HOLDING_ANSWER_RECORDED = PREFIX + "holding-answer-recorded.v1";
    public static final String EXTENSION_REQUESTED = PREFIX + "extension-requested.v1";
    public static final String EXTENSION_DECIDED = PREFIX + "extension-decided.v1";
    public static final String EVALUATED = PREFIX + "evaluated.v1";
    public static final String REHANDLING_STARTED = PREFIX + "rehandling-started.v1";
    public static final String CLOSED = PREFIX + "closed.v1";
    public static final String COMMITMENT_PROGRESSED = PREFIX + "commitment-progressed.v1";

    private WorkflowEvents() {
    }

    /** A unit's part as supervision and reporting need it to open deadlines and count. */
    public record PartV1(long submissionId, String kind, String level, Long sessionId, long assignmentId, long unitId,
            String unitName, HandlingMode mode, UnitRole role, boolean keyItem, String leadingOfficial,
            Instant preAssignedAt, Instant assignedAt, Instant startedAt) {
    }

    public record AdjustmentRequestedV1(long submissionId, long assignmentId, long unitId, String reason,
            Instant requestedAt) {
    }

    public record AdjustmentDecidedV1(long submissionId, long assignmentId, long unitId, String decision,
            Long newUnitId, Long newAssignmentId, String reason, Instant decidedAt) {
    }

    public record SignedV1(long submissionId, long assignmentId, long unitId, Instant signedAt) {
    }

    public record ContactRecordedV1(long submissionId, long assignmentId, long unitId, long contactId, String timing,
            String method, boolean faceToFace, LocalDate contactedOn, Instant recordedAt) {
    }

    public record OpinionSentV1(long submissionId, long assignmentId, long unitId, long leadUnitId, Instant sentAt) {
    }

    public record ReplyApprovedV1(long submissionId, long assignmentId, long unitId, long replyId,
            Instant approvedAt) {
    }

    public record ReplySubmittedV1(long submissionId, long assignmentId, long unitId, long replyId, int round,
            String resultClass, String fingerprint, Instant submittedAt) {
    }

    public record ReplyReturnedV1(long submissionId, long assignmentId, long unitId, long replyId, String reason,
            Instant returnedAt) {
    }

    public record CommitmentRef(long commitmentId, LocalDate promisedOn) {
    }

    public record RepliedV1(long submissionId, long assignmentId, long unitId, long replyId, int version, int round,
            String resultClass, String classChangedFrom, String fingerprint, String disclosure,
            List<CommitmentRef> commitments, List<Long> recipientIds, Instant repliedAt) {
    }

    public record HoldingAnswerRecordedV1(long submissionId, long assignmentId, long unitId, Instant recordedAt) {
    }

    public record ExtensionRequestedV1(long submissionId, long assignmentId, long unitId, LocalDate requestedUntil,
            Instant requestedAt) {
    }

    public record ExtensionDecidedV1(long submissionId, long assignmentId, long unitId, boolean approved,
            LocalDate until, Instant decidedAt) {
    }

    public record EvaluatedV1(long submissionId, long assignmentId, long unitId, long replyId, int round,
            long memberId, String rating, Instant evaluatedAt) {
    }

    public record ClosedV1(long submissionId, String outcome, boolean followUp, Instant closedAt) {
    }

    public record CommitmentProgressedV1(long submissionId, long assignmentId, long unitId, long commitmentId,
            int percent, boolean fulfilled, LocalDate progressedOn, Instant recordedAt) {
    }
}
