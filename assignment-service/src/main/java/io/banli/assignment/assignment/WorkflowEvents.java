package io.banli.assignment.assignment;

import java.time.Instant;

/** What assignment tells the other services, on {@link #TOPIC}, keyed by submission id. */
public final class WorkflowEvents {

    public static final String TOPIC = "banli.assignment.workflow";
    public static final String ASSIGNED = "banli.assignment.assigned.v1";
    public static final String REPLY_SUBMITTED = "banli.assignment.reply-submitted.v1";

    private WorkflowEvents() {
    }

    /**
     * One per unit of a formal assignment: the unit's legal clock starts at {@code assignedAt}. The
     * submission's kind lets supervision apply the deadline rules of suggestions or of proposals.
     */
    public record AssignedV1(long submissionId, String kind, long assignmentId, long unitId, String unitName,
            HandlingMode mode, UnitRole role, Instant assignedAt) {
    }

    /** A unit's reply reached the office. */
    public record ReplySubmittedV1(long submissionId, long replyId, long unitId, String resultClass,
            String fingerprint, Instant submittedAt) {
    }
}
