package io.banli.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Reporting's own reading of the events it projects, in the shapes of the README's event catalogue
 * (tolerant reader: unknown fields are ignored, so producers may add fields).
 */
public final class ProjectedEvents {

    static final String FILED = "banli.intake.submission.filed.v1";
    static final String REGISTERED = "banli.intake.submission.registered.v1";
    static final String UPDATED = "banli.intake.submission.updated.v1";
    static final String REFUSED = "banli.intake.submission.refused.v1";
    static final String MERGED = "banli.intake.submission.merged.v1";
    static final String WITHDRAWN = "banli.intake.submission.withdrawn.v1";
    static final String ASSIGNED = "banli.assignment.assigned.v1";
    static final String ADJUSTMENT_DECIDED = "banli.assignment.adjustment-decided.v1";
    static final String SIGNED = "banli.assignment.signed.v1";
    static final String CONTACT_RECORDED = "banli.assignment.contact-recorded.v1";
    static final String OPINION_SENT = "banli.assignment.opinion-sent.v1";
    static final String REPLY_SUBMITTED = "banli.assignment.reply-submitted.v1";
    static final String REPLY_RETURNED = "banli.assignment.reply-returned.v1";
    static final String REPLIED = "banli.assignment.replied.v1";
    static final String HOLDING_ANSWER = "banli.assignment.holding-answer-recorded.v1";
    static final String EXTENSION_REQUESTED = "banli.assignment.extension-requested.v1";
    static final String EXTENSION_DECIDED = "banli.assignment.extension-decided.v1";
    static final String EVALUATED = "banli.assignment.evaluated.v1";
    static final String REHANDLING_STARTED = "banli.assignment.rehandling-started.v1";
    static final String CLOSED = "banli.assignment.closed.v1";
    static final String COMMITMENT_PROGRESSED = "banli.assignment.commitment-progressed.v1";
    static final String OVERDUE = "banli.supervision.overdue.v1";
    static final String WARNING = "banli.supervision.deadline-warning.v1";
    static final String MET = "banli.supervision.deadline-met.v1";
    static final String RECOMPUTED = "banli.supervision.deadline-recomputed.v1";

    private ProjectedEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code kind} (DEPUTY, CPPCC_MEMBER, GROUP) is absent in events written before groups were proposers. */
    public record Proposer(Long memberId, String name, String delegation, String kind) {
    }

    /** filed, registered and updated: registered and updated carry every field, filed a few. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submission(Long submissionId, Long sessionId, String sessionName, String sessionKind, String level,
            Integer year, Integer number, String kind, String title, String field, Proposer leadProposer,
            String groupName, Boolean keyItem, String leadingOfficial, Boolean confidential, Instant filedAt,
            Instant registeredAt, Instant updatedAt, String fieldName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refused(Long submissionId, Instant refusedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Merged(Long submissionId, Long intoSubmissionId, Instant mergedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Withdrawn(Long submissionId, Instant withdrawnAt) {
    }

    /** assigned and rehandling-started (the same shape, {@code startedAt} for the latter). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assigned(Long submissionId, String kind, String level, Long sessionId, Long assignmentId, Long unitId,
            String unitName, String mode, String role, Boolean keyItem, String leadingOfficial, Instant assignedAt,
            Instant startedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdjustmentDecided(Long submissionId, Long unitId, String decision, Instant decidedAt) {
    }

    /** Any per-unit step that only needs its instant: signed, opinion sent, submitted, returned, holding answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitStep(Long submissionId, Long unitId, Integer round, Instant signedAt, Instant sentAt,
            Instant submittedAt, Instant returnedAt, Instant recordedAt, Instant requestedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactRecorded(Long submissionId, Long unitId, String timing, String method, Boolean faceToFace,
            LocalDate contactedOn) {
    }

    /** {@code text} only when the reply may be published (public reply, item not confidential), else null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replied(Long submissionId, Long unitId, Integer round, String resultClass, String disclosure,
            String text, List<CommitmentRef> commitments, Instant repliedAt) {
    }

    /** A commitment a sent reply promises: its id and the day it is due. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentRef(Long commitmentId, LocalDate promisedOn) {
    }

    /** A unit's report on a commitment's progress (also the yearly report on a B-class item). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentProgressed(Long submissionId, Long unitId, Long commitmentId, Integer percent,
            Boolean fulfilled, LocalDate progressedOn, Instant recordedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExtensionDecided(Long submissionId, Long unitId, Boolean approved, LocalDate until,
            Instant decidedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluated(Long submissionId, Long unitId, Integer round, Long memberId, String rating,
            Instant evaluatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closed(Long submissionId, String outcome, Boolean followUp, Instant closedAt) {
    }

    /** overdue, deadline-warning, deadline-met and deadline-recomputed: the due date of a unit's stage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deadline(Long submissionId, Long unitId, String stage, Instant dueAt, Instant detectedAt) {
    }
}
