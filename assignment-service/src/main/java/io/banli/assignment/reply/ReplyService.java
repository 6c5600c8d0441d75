package io.banli.assignment.reply;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.UnitRole;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.ReplyApprovedV1;
import io.banli.assignment.assignment.WorkflowEvents.ReplyReturnedV1;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

/**
 * A reply's way: the unit drafts, its head signs (审核签发), the unit submits, the office accepts and
 * sends it (possibly changing the class, recorded) or returns it for re-handling (退回重办).
 */
@ApplicationScoped
@Transactional
public class ReplyService {

    private static final List<ReplyState> PENDING = List.of(ReplyState.DRAFT, ReplyState.APPROVED,
            ReplyState.SUBMITTED);

    @Inject
    StateChange change;

    @Inject
    Parts parts;

    /**
     * Drafts the unit's reply, or redrafts its unsigned draft. Once the part is replied, a new draft is a
     * correction: a new version that keeps the sent one.
     */
    public Reply draft(long submissionId, NewReply request) {
        Assignment part = parts.ofCaller(submissionId);
        if (!part.replies()) {
            throw Problems.illegalTransition("Unit " + part.unitId + " is a co-unit of submission " + submissionId
                    + ": co-units send their opinion to the lead unit, which replies.");
        }
        checkContent(request);
        Reply reply = Reply.<Reply>find("assignmentId = ?1 and state in ?2", part.id, PENDING).firstResult();
        if (reply != null && reply.state != ReplyState.DRAFT) {
            throw Problems.illegalTransition("Reply " + reply.id + " of unit " + part.unitId + " is " + reply.state
                    + ": it is signed, no new draft until the office decided on it.");
        }
        if (reply == null) {
            reply = newDraft(part, submissionId);
        } else {
            Commitment.delete("replyId", reply.id);
        }
        reply.text = request.text();
        reply.resultClass = request.resultClass();
        reply.disclosure = request.disclosure() == null ? Disclosure.PUBLIC : request.disclosure();
        reply.confidentialReason = request.confidentialReason();
        reply.draftedAt = change.now();
        reply.draftedBy = change.actor();
        reply.persistAndFlush();
        for (NewReply.NewCommitment c : request.commitments() == null ? List.<NewReply.NewCommitment>of()
                : request.commitments()) {
            Commitment commitment = new Commitment();
            commitment.replyId = reply.id;
            commitment.submissionId = submissionId;
            commitment.assignmentId = part.id;
            commitment.unitId = part.unitId;
            commitment.action = c.action();
            commitment.promisedOn = c.promisedOn();
            commitment.persist();
        }
        change.audit("reply.drafted", "submission", submissionId, "unit " + part.unitId + ", reply " + reply.id
                + " v" + reply.replyVersion + " class " + reply.resultClass);
        return reply;
    }

    private Reply newDraft(Assignment part, long submissionId) {
        Reply reply = new Reply();
        reply.submissionId = submissionId;
        reply.assignmentId = part.id;
        reply.unitId = part.unitId;
        reply.round = part.round;
        reply.state = ReplyState.DRAFT;
        switch (part.state) {
            case HANDLING, REHANDLING -> {
            }
            case REPLIED, CLOSED -> {
                Reply sent = Reply.<Reply>find("assignmentId = ?1 and state = ?2 order by id desc", part.id,
                        ReplyState.SENT).firstResult();
                reply.correctsReplyId = sent.id;
                reply.replyVersion = sent.replyVersion + 1;
                reply.round = sent.round;
            }
            default -> throw Problems.illegalTransition("The part of unit " + part.unitId + " in submission "
                    + submissionId + " is " + part.state + ": no reply can be drafted now.");
        }
        return reply;
    }

    private static void checkContent(NewReply request) {
        if (request.disclosure() == Disclosure.CONFIDENTIAL
                && (request.confidentialReason() == null || request.confidentialReason().isBlank())) {
            throw Problems.badInput("missing-reason", "confidentialReason", "body",
                    "a confidential reply states why it is not published");
        }
        if (request.resultClass() == ResultClass.B && (request.commitments() == null
                || request.commitments().isEmpty())) {
            throw Problems.unprocessable("commitment-required", "A B-class reply (being solved) promises at least one "
                    + "action with a date: it is followed until fulfilled.");
        }
    }

    /** 审核签发: only the unit's head signs; the content is frozen and fingerprinted. */
    public Reply approve(long submissionId, long replyId) {
        Reply reply = ownReply(submissionId, replyId);
        reply.moveTo(ReplyState.DRAFT, ReplyState.APPROVED, "approve it");
        reply.approvedAt = change.now();
        reply.approvedBy = change.actor();
        reply.fingerprint = Fingerprint.of(reply);
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.REPLY_APPROVED, String.valueOf(submissionId),
                new ReplyApprovedV1(submissionId, reply.assignmentId, reply.unitId, reply.id, reply.approvedAt));
        change.audit("reply.approved", "submission", submissionId, "reply " + reply.id + ": DRAFT → APPROVED, sha256 "
                + reply.fingerprint);
        Reply.flush();
        return reply;
    }

    /** Sends the signed reply to the office. The lead unit of a JOINT item waits for every co-unit (会签). */
    public Reply submit(long submissionId, long replyId) {
        Reply reply = ownReply(submissionId, replyId);
        reply.moveTo(ReplyState.APPROVED, ReplyState.SUBMITTED, "submit it");
        Assignment part = Assignment.findById(reply.assignmentId);
        if (!reply.isCorrection()) {
            if (part.role == UnitRole.LEAD) {
                List<Long> waiting = Parts.live(submissionId).stream()
                        .filter(a -> a.role == UnitRole.CO && a.state != AssignmentState.OPINION_SENT)
                        .map(a -> a.unitId).toList();
                if (!waiting.isEmpty()) {
                    throw Problems.illegalTransition("Co-unit(s) " + waiting + " of submission " + submissionId
                            + " have not sent their opinion: the lead unit replies after every co-unit (会签).");
                }
            }
            part.moveTo(AssignmentState.REPLY_SUBMITTED, "submit a reply");
        }
        reply.submittedAt = change.now();
        reply.submittedBy = change.actor();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.REPLY_SUBMITTED, String.valueOf(submissionId),
                new ReplySubmittedV1(submissionId, reply.assignmentId, reply.unitId, reply.id, reply.round,
                        reply.resultClass.name(), reply.fingerprint, reply.submittedAt));
        change.audit("reply.submitted", "submission", submissionId, "reply " + reply.id + ": APPROVED → SUBMITTED");
        Reply.flush();
        return reply;
    }

    /** The office accepts and sends the reply to the proposer, every signed co-signer and merged items' proposers. */
    public Reply accept(long submissionId, long replyId, ResultClass resultClass) {
        Reply reply = submittedReply(submissionId, replyId);
        reply.moveTo(ReplyState.SUBMITTED, ReplyState.SENT, "accept it");
        if (resultClass != null && resultClass != reply.resultClass) {
            if (resultClass == ResultClass.B && Commitment.count("replyId", reply.id) == 0) {
                throw Problems.unprocessable("commitment-required", "Reply " + replyId + " promises no action: it "
                        + "cannot be classed B (being solved). Return it instead.");
            }
            reply.classChangedFrom = reply.resultClass;
            reply.resultClass = resultClass;
            reply.fingerprint = Fingerprint.of(reply);
        }
        reply.decidedAt = change.now();
        reply.decidedBy = change.actor();
        Assignment part = Assignment.findById(reply.assignmentId);
        if (reply.isCorrection()) {
            Reply corrected = Reply.findById(reply.correctsReplyId);
            corrected.state = ReplyState.SUPERSEDED;
        } else {
            part.moveTo(AssignmentState.REPLIED, "send the reply");
        }
        HandledSubmission submission = HandledSubmission.require(submissionId);
        // Every proposer of an item merged into this one (并案) receives it too.
        List<Long> recipients = submission.replyRecipients();
        List<CommitmentRef> commitments = Commitment.<Commitment>list("replyId = ?1 order by id", reply.id).stream()
                .map(c -> new CommitmentRef(c.id, c.promisedOn)).toList();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.REPLIED, String.valueOf(submissionId),
                new RepliedV1(submissionId, reply.assignmentId, reply.unitId, reply.id, reply.replyVersion, reply.round,
                        reply.resultClass.name(), reply.classChangedFrom == null ? null : reply.classChangedFrom.name(),
                        reply.fingerprint, reply.disclosure.name(), publishable(reply, submission), commitments,
                        recipients, reply.decidedAt));
        change.audit("reply.sent", "submission", submissionId, "reply " + reply.id + ": SUBMITTED → SENT, class "
                + reply.resultClass + (reply.classChangedFrom != null ? " (unit said " + reply.classChangedFrom + ")"
                        : "") + ", sha256 " + reply.fingerprint);
        Reply.flush();
        return reply;
    }

    /** The text open data may publish (答复公开): never of a confidential reply or a confidential item. */
    private static String publishable(Reply reply, HandledSubmission submission) {
        return reply.disclosure == Disclosure.PUBLIC && !submission.confidential ? reply.text : null;
    }

    /** 退回重办: the office sends the reply back with its reasons; the unit handles on and replies again. */
    public Reply returnReply(long submissionId, long replyId, String reason) {
        Reply reply = submittedReply(submissionId, replyId);
        reply.moveTo(ReplyState.SUBMITTED, ReplyState.RETURNED, "return it");
        reply.returnReason = reason;
        reply.decidedAt = change.now();
        reply.decidedBy = change.actor();
        if (!reply.isCorrection()) {
            Assignment part = Assignment.findById(reply.assignmentId);
            part.moveTo(part.round == 2 ? AssignmentState.REHANDLING : AssignmentState.HANDLING, "return the reply");
        }
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.REPLY_RETURNED, String.valueOf(submissionId),
                new ReplyReturnedV1(submissionId, reply.assignmentId, reply.unitId, reply.id, reason, reply.decidedAt));
        change.audit("reply.returned", "submission", submissionId, "reply " + reply.id + ": SUBMITTED → RETURNED — "
                + reason);
        Reply.flush();
        return reply;
    }

    private Reply ownReply(long submissionId, long replyId) {
        long unitId = parts.callersUnit();
        return Reply.<Reply>find("id = ?1 and submissionId = ?2 and unitId = ?3", replyId, submissionId, unitId)
                .firstResultOptional().orElseThrow(() -> Problems.notFound("reply of unit " + unitId + ",", replyId));
    }

    private static Reply submittedReply(long submissionId, long replyId) {
        return Reply.<Reply>find("id = ?1 and submissionId = ?2", replyId, submissionId).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("reply of submission " + submissionId + ",", replyId));
    }
}
