package io.banli.assignment.assignment;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What assignment tells the other services, on {@link #TOPIC}, keyed by submission id. The shapes are
 * the event catalogue, published as the AsyncAPI document by {@code contract.WorkflowEventContract}; ids only,
 * never contact data. The events whose fields name a capability's values (a contact's method, a reply's class,
 * a rating) live in that capability's package, so this core package depends on none of them. Fields sent as
 * strings name their allowed values (or enum) in {@link Schema}.
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

    // Descriptions and examples in the AsyncAPI document.
    public static final String SHA256 = "SHA-256 of the reply, hex";
    public static final String HEX64 = "^[0-9a-f]{64}$";
    public static final String FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String UNIT = "市住房和城乡建设委员会";
    private static final String KEY_ITEM = "The leading official, key items only";
    private static final String NUMBER = "The item's number people know (第N号), the one texts for people print: the "
            + "standing committee's own for an item it handed over with its number, else the item's number in its session";

    private WorkflowEvents() {
    }

    /** A unit's part proposed: opens the adjustment window. One per unit. */
    public record PreAssignedV1(long submissionId, @Schema(enumeration = {"SUGGESTION", "PROPOSAL"}) String kind,
            @Schema(enumeration = {"NATIONAL", "PROVINCE", "CITY", "COUNTY", "TOWNSHIP"}) String level,
            Long sessionId, @Schema(description = NUMBER) int submissionNumber,
            long assignmentId, long unitId, @Schema(example = UNIT) String unitName, HandlingMode mode, UnitRole role,
            boolean keyItem, @Schema(nullable = true, description = KEY_ITEM) String leadingOfficial,
            Instant preAssignedAt) {
    }

    /** A unit's part formally assigned: starts its legal clock. One per unit. */
    public record AssignedV1(long submissionId, @Schema(enumeration = {"SUGGESTION", "PROPOSAL"}) String kind,
            @Schema(enumeration = {"NATIONAL", "PROVINCE", "CITY", "COUNTY", "TOWNSHIP"}) String level,
            Long sessionId, @Schema(description = NUMBER) int submissionNumber,
            long assignmentId, long unitId, @Schema(example = UNIT) String unitName, HandlingMode mode, UnitRole role,
            boolean keyItem, @Schema(nullable = true, description = KEY_ITEM) String leadingOfficial,
            Instant assignedAt) {
    }

    /** A unit's part handled again after an unsatisfied evaluation. */
    public record RehandlingStartedV1(long submissionId, @Schema(enumeration = {"SUGGESTION", "PROPOSAL"}) String kind,
            @Schema(enumeration = {"NATIONAL", "PROVINCE", "CITY", "COUNTY", "TOWNSHIP"}) String level,
            Long sessionId, @Schema(description = NUMBER) int submissionNumber,
            long assignmentId, long unitId, @Schema(example = UNIT) String unitName, HandlingMode mode, UnitRole role,
            boolean keyItem, @Schema(nullable = true, description = KEY_ITEM) String leadingOfficial,
            Instant startedAt) {
    }

    public record AdjustmentRequestedV1(long submissionId, long assignmentId, long unitId, String reason,
            Instant requestedAt) {
    }

    public record AdjustmentDecidedV1(long submissionId, long assignmentId, long unitId,
            @Schema(enumeration = {"REASSIGNED", "KEPT"}) String decision,
            Long newUnitId, Long newAssignmentId, String reason, Instant decidedAt) {
    }

    public record SignedV1(long submissionId, long assignmentId, long unitId, Instant signedAt) {
    }

    public record OpinionSentV1(long submissionId, long assignmentId, long unitId, long leadUnitId, Instant sentAt) {
    }

    public record ReplyApprovedV1(long submissionId, long assignmentId, long unitId, long replyId,
            Instant approvedAt) {
    }

    public record ReplyReturnedV1(long submissionId, long assignmentId, long unitId, long replyId, String reason,
            Instant returnedAt) {
    }

    public record HoldingAnswerRecordedV1(long submissionId, long assignmentId, long unitId, Instant recordedAt) {
    }

    public record ExtensionRequestedV1(long submissionId, long assignmentId, long unitId, LocalDate requestedUntil,
            Instant requestedAt) {
    }

    public record ExtensionDecidedV1(long submissionId, long assignmentId, long unitId, boolean approved,
            LocalDate until, Instant decidedAt) {
    }

    public record ClosedV1(long submissionId,
            @Schema(enumeration = {"SATISFIED", "AFTER_REHANDLING", "WITHDRAWN", "NOT_EVALUATED", "MERGED"}) String outcome,
            boolean followUp, Instant closedAt) {
    }

    public record CommitmentProgressedV1(long submissionId, long assignmentId, long unitId, long commitmentId,
            int percent, boolean fulfilled, LocalDate progressedOn, Instant recordedAt) {
    }
}
