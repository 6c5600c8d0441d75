package io.banli.supervision.deadline;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Our own reading of assignment's events (tolerant reader). */
public final class WorkflowEvents {

    public static final String ASSIGNED = "banli.assignment.assigned.v1";
    public static final String REPLY_SUBMITTED = "banli.assignment.reply-submitted.v1";

    private WorkflowEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assigned(Long submissionId, Long assignmentId, Long unitId, String role, Instant assignedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplySubmitted(Long submissionId, Long unitId, Instant submittedAt) {
    }
}
