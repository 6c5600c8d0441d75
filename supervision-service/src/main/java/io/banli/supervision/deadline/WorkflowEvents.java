package io.banli.supervision.deadline;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Our own reading of assignment's events (tolerant reader). Types assignment does not publish yet
 * (signed, opinion-sent, extension-decided, closed) are read as their catalogue entries describe.
 */
public final class WorkflowEvents {

    public static final String ASSIGNED = "banli.assignment.assigned.v1";
    public static final String SIGNED = "banli.assignment.signed.v1";
    public static final String OPINION_SENT = "banli.assignment.opinion-sent.v1";
    public static final String REPLY_SUBMITTED = "banli.assignment.reply-submitted.v1";
    public static final String EXTENSION_DECIDED = "banli.assignment.extension-decided.v1";
    public static final String CLOSED = "banli.assignment.closed.v1";
    public static final String REHANDLING_STARTED = "banli.assignment.rehandling-started.v1";

    private WorkflowEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assigned(Long submissionId, String kind, Long assignmentId, Long unitId, String unitName,
            String role, Instant assignedAt, Boolean keyItem, String leadingOfficial) {
    }

    /** signed, opinion-sent and reply-submitted: a unit did its stage's work at {@code at}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitDone(Long submissionId, Long unitId, Instant signedAt, Instant sentAt, Instant submittedAt) {
        Instant at() {
            return signedAt != null ? signedAt : sentAt != null ? sentAt : submittedAt;
        }
    }

    /** The proposer was not satisfied: the unit handles the item again from {@code startedAt}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RehandlingStarted(Long submissionId, String kind, Long assignmentId, Long unitId, String unitName,
            Instant startedAt, Boolean keyItem, String leadingOfficial) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExtensionDecided(Long submissionId, Long unitId, Boolean approved) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closed(Long submissionId) {
    }
}
