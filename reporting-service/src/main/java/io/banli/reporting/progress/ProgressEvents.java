package io.banli.reporting.progress;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Reporting's reading of the events a member's progress is built from (tolerant reader: unknown fields are
 * ignored, the shapes are the producers' AsyncAPI documents and deploy/docs/events.md).
 */
final class ProgressEvents {

    static final String DRAFT_CHANGED = "banli.intake.submission.draft-changed.v1";
    static final String FILED = "banli.intake.submission.filed.v1";
    static final String REGISTERED = "banli.intake.submission.registered.v1";
    static final String UPDATED = "banli.intake.submission.updated.v1";
    static final String REFUSED = "banli.intake.submission.refused.v1";
    static final String MERGED = "banli.intake.submission.merged.v1";
    static final String WITHDRAWN = "banli.intake.submission.withdrawn.v1";
    static final String MEMBER_REGISTERED = "banli.intake.member.registered.v1";

    static final String ASSIGNED = "banli.assignment.assigned.v1";
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Proposer(Long memberId, String kind, String delegation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CoSigner(Long memberId, String status) {
    }

    /**
     * draft-changed, filed, registered and updated: what each carries of intake's picture of the submission
     * ({@code coSigners} with their invitation only in draft-changed, {@code coSignerIds} signed only elsewhere).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Picture(Long submissionId, Long sessionId, Integer number, String kind, String title, Proposer leadProposer,
            List<CoSigner> coSigners, List<Long> coSignerIds, String state, Boolean confidential, Instant coSignUntil,
            Instant registeredAt, Instant changedAt, Instant filedAt, Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Merged(Long submissionId, Long intoSubmissionId, Integer number, String title, Long leadProposerId,
            List<Long> coSignerIds, Instant mergedAt) {
    }

    /** refused and withdrawn: the item stops here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stopped(Long submissionId, Instant refusedAt, Instant withdrawnAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberRegistered(Long memberId, String kind, String delegation) {
    }

    /** assigned and rehandling-started: only the instant's name differs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitPart(Long submissionId, Long unitId, Instant assignedAt, Instant startedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Signed(Long submissionId, Long unitId, Instant signedAt) {
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
    record Evaluated(Long submissionId, Long unitId, Long replyId, Integer round, Long memberId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closed(Long submissionId, Instant closedAt) {
    }

    /** Every supervision alert about a deadline; each type fills the instant it names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeadlineAlert(Long submissionId, Long deadlineId, Long assignmentId, Long unitId, String stage,
            Instant dueAt, Instant openedAt, Instant metAt, Instant detectedAt, Instant expiredAt) {
    }
}
