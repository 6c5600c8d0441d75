package io.banli.supervision.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Our own reading of assignment's events, as the README's event catalogue describes them (tolerant
 * reader: unknown fields are ignored, fields added later such as {@code level} may be absent).
 */
public final class WorkflowEvents {

    public static final String PRE_ASSIGNED = "banli.assignment.pre-assigned.v1";
    public static final String ADJUSTMENT_REQUESTED = "banli.assignment.adjustment-requested.v1";
    public static final String ADJUSTMENT_DECIDED = "banli.assignment.adjustment-decided.v1";
    public static final String ASSIGNED = "banli.assignment.assigned.v1";
    public static final String SIGNED = "banli.assignment.signed.v1";
    public static final String OPINION_SENT = "banli.assignment.opinion-sent.v1";
    public static final String REPLY_SUBMITTED = "banli.assignment.reply-submitted.v1";
    public static final String REPLY_RETURNED = "banli.assignment.reply-returned.v1";
    public static final String REPLIED = "banli.assignment.replied.v1";
    public static final String EXTENSION_REQUESTED = "banli.assignment.extension-requested.v1";
    public static final String EXTENSION_DECIDED = "banli.assignment.extension-decided.v1";
    public static final String EVALUATED = "banli.assignment.evaluated.v1";
    public static final String REHANDLING_STARTED = "banli.assignment.rehandling-started.v1";
    public static final String CLOSED = "banli.assignment.closed.v1";
    public static final String COMMITMENT_PROGRESSED = "banli.assignment.commitment-progressed.v1";

    private WorkflowEvents() {
    }

    /**
     * assigned, pre-assigned and rehandling-started: a unit gets the item, with what the assignment knows
     * about it; the instant is {@code assignedAt}, {@code preAssignedAt} or {@code startedAt}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assigned(Long submissionId, String kind, String level, Integer submissionNumber, Long assignmentId,
            Long unitId, String unitName, String role, Instant assignedAt, Instant preAssignedAt, Instant startedAt,
            Boolean keyItem, String leadingOfficial) {
        /** The instant the event's own type names: a re-handling starts when it starts, whatever else is given. */
        Instant at(String type) {
            return switch (type) {
                case PRE_ASSIGNED -> preAssignedAt;
                case REHANDLING_STARTED -> startedAt;
                default -> assignedAt;
            };
        }

        Deadlines.Item item() {
            return new Deadlines.Item(kind, level, submissionNumber, unitName, Boolean.TRUE.equals(keyItem), leadingOfficial);
        }
    }

    /**
     * Every other event about one unit's work on one assignment, with the instant it happened under the
     * name its type gives it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitEvent(Long submissionId, Long assignmentId, Long unitId, Instant signedAt, Instant sentAt,
            Instant submittedAt, Instant requestedAt, Instant decidedAt, Instant returnedAt, Instant repliedAt,
            Instant evaluatedAt, Instant recordedAt, Boolean complete) {
        Instant at() {
            for (Instant at : new Instant[] {signedAt, sentAt, submittedAt, requestedAt, decidedAt, returnedAt,
                    repliedAt, evaluatedAt, recordedAt}) {
                if (at != null) {
                    return at;
                }
            }
            return null;
        }
    }

    /** The reply went to the proposer, with the commitments it makes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replied(Long submissionId, Long assignmentId, Long unitId, Integer version, Integer round,
            List<Commitment> commitments, Instant repliedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(Long commitmentId, LocalDate promisedOn) {
    }

    /** {@code decision}: REASSIGNED (the part moved to another unit) or KEPT. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdjustmentDecided(Long submissionId, Long assignmentId, Long unitId, String decision,
            Instant decidedAt) {
    }

    /** {@code until}: the date the reply may now take, at most 6 months from assignment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExtensionDecided(Long submissionId, Long assignmentId, Long unitId, Boolean approved,
            LocalDate until, Instant decidedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentProgressed(Long submissionId, Long assignmentId, Long unitId, Long commitmentId,
            Boolean fulfilled, Instant recordedAt) {
    }

    /** {@code followUp}: a B-class item, whose progress is reported yearly until it is solved. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closed(Long submissionId, String outcome, Boolean followUp, Instant closedAt) {
    }
}
