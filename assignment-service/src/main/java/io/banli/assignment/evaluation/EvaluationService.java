package io.banli.assignment.evaluation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.ClosedV1;
import io.banli.assignment.reply.Reply;
import io.banli.assignment.reply.ReplyState;
import io.banli.assignment.reply.ResultClass;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.SubmissionState;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;

/**
 * The proposer and each signed co-signer rate a sent reply, each on their own, in any order, until the round's
 * evaluation window passes. The lead proposer's rating decides: unsatisfied in the first round opens
 * re-handling (重办); otherwise the unit's part is closed, and the item once every replying unit's part is
 * (办结). A co-signer's rating, before or after the lead's, is recorded and counted (满意率 per rating) but
 * moves nothing (deploy/docs/decisions.md, "The lead proposer's rating decides re-handling"). The proposers of an
 * item merged into this one (并案) rate its reply as co-signers do: recorded and counted, moving nothing.
 */
@ApplicationScoped
@Transactional
public class EvaluationService {

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    @Inject
    Parts parts;

    public Evaluation evaluate(long submissionId, long replyId, Evaluation.Rating rating, String comment) {
        long memberId = caller.memberId().orElseThrow(() -> Problems.forbidden("The token names no member."));
        HandledSubmission submission = HandledSubmission.<HandledSubmission>findByIdOptional(submissionId)
                .filter(s -> s.receivesReply(memberId))
                .orElseThrow(() -> Problems.notFound("submission", submissionId));
        Reply reply = Reply.<Reply>find("id = ?1 and submissionId = ?2", replyId, submissionId).firstResultOptional()
                .filter(r -> r.state == ReplyState.SENT || r.state == ReplyState.SUPERSEDED)
                .orElseThrow(() -> Problems.notFound("sent reply of submission " + submissionId + ",", replyId));
        Assignment part = Assignment.findById(reply.assignmentId);
        if (!part.awaitsEvaluation() || reply.round != part.round) {
            throw Problems.illegalTransition("The part of unit " + part.unitId + " in submission " + submissionId
                    + " is " + part.state + " (round " + part.round + (part.evaluationWindowEnded
                    ? ", evaluation window passed" : "") + "): reply " + replyId + " cannot be evaluated now.");
        }
        if (Evaluation.count("assignmentId = ?1 and round = ?2 and memberId = ?3", part.id, part.round, memberId) > 0) {
            throw Problems.illegalTransition("Member " + memberId + " has evaluated round " + part.round
                    + " of unit " + part.unitId + " already.");
        }
        Evaluation evaluation = new Evaluation();
        evaluation.submissionId = submissionId;
        evaluation.replyId = replyId;
        evaluation.assignmentId = part.id;
        evaluation.unitId = part.unitId;
        evaluation.round = part.round;
        evaluation.memberId = memberId;
        evaluation.rating = rating;
        evaluation.comment = comment;
        evaluation.evaluatedAt = change.now();
        evaluation.persist();
        int round = part.round;
        boolean lead = Long.valueOf(memberId).equals(submission.proposerId);
        boolean rehandling = lead && part.state == AssignmentState.REPLIED && opensRehandling(part, rating);
        boolean everyoneRated = Evaluation.count("assignmentId = ?1 and round = ?2", part.id, round)
                >= submission.replyRecipients().size();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.EVALUATED, String.valueOf(submissionId),
                new EvaluatedV1(submissionId, part.id, part.unitId, replyId, round, memberId, rating.name(),
                        evaluation.evaluatedAt, everyoneRated || rehandling));
        change.audit("reply.evaluated", "submission", submissionId, "member " + memberId + " rated unit "
                + part.unitId + " round " + round + ": " + rating);
        if (lead && part.state == AssignmentState.REPLIED) {
            decide(submission, part, rating);
        }
        Assignment.flush();
        return evaluation;
    }

    /**
     * Supervision's evaluation window passed and the lead proposer has not rated the reply: handling does not
     * stay open for ever. The part is closed unrated; silence is never counted as satisfaction (the rates
     * count ratings only), and the item's outcome says NOT_EVALUATED.
     */
    public void windowExpired(long submissionId, Long assignmentId, Long unitId) {
        HandledSubmission submission = HandledSubmission.findById(submissionId);
        Assignment part = assignmentId != null ? Assignment.findById(assignmentId)
                : Assignment.<Assignment>find("submissionId = ?1 and unitId = ?2 order by id desc", submissionId,
                        unitId).firstResult();
        if (part != null && (part.state == AssignmentState.REPLIED || part.state == AssignmentState.CLOSED)) {
            // The co-signers who have not rated the current round's reply by now will not.
            part.evaluationWindowEnded = true;
        }
        if (submission == null || part == null || part.state != AssignmentState.REPLIED) {
            return; // rated in time, re-handled or withdrawn meanwhile: nothing is waiting for the rating
        }
        change.audit("part.evaluation-window-expired", "submission", submissionId, "unit " + part.unitId
                + " round " + part.round + ": no rating by the proposer, closed unrated");
        closePart(submission, part);
        Assignment.flush();
    }

    /** Only the lead proposer's 不满意 of a first reply opens re-handling; a second reply is final. */
    private static boolean opensRehandling(Assignment part, Evaluation.Rating rating) {
        return rating == Evaluation.Rating.UNSATISFIED && part.round == 1;
    }

    private void decide(HandledSubmission submission, Assignment part, Evaluation.Rating rating) {
        if (opensRehandling(part, rating)) {
            part.moveTo(AssignmentState.REHANDLING, "start re-handling");
            part.round = 2;
            parts.announcePart(WorkflowEvents.REHANDLING_STARTED, part, submission);
            change.audit("part.rehandling", "submission", submission.id, "unit " + part.unitId
                    + ": REPLIED → REHANDLING (round 2)");
            return;
        }
        closePart(submission, part);
    }

    private void closePart(HandledSubmission submission, Assignment part) {
        part.moveTo(AssignmentState.CLOSED, "close it");
        part.closedAt = change.now();
        List<Assignment> live = Parts.live(submission.id);
        boolean everyReplyDone = live.stream().filter(Assignment::replies).allMatch(a -> a.state == AssignmentState.CLOSED);
        if (everyReplyDone) {
            close(submission, live);
        }
    }

    /** 办结: B-class items stay followed yearly until solved (跨年度跟踪). */
    private void close(HandledSubmission submission, List<Assignment> live) {
        for (Assignment a : live) {
            if (a.state == AssignmentState.OPINION_SENT) {
                a.moveTo(AssignmentState.CLOSED, "close it");
                a.closedAt = change.now();
            }
        }
        submission.state = SubmissionState.CLOSED;
        submission.closedAt = change.now();
        boolean rehandled = live.stream().anyMatch(a -> a.round == 2);
        boolean unrated = live.stream().filter(Assignment::replies).anyMatch(a -> Evaluation.count(
                "assignmentId = ?1 and round = ?2 and memberId = ?3", a.id, a.round, submission.proposerId) == 0);
        boolean followUp = Reply.count("submissionId = ?1 and state = ?2 and resultClass = ?3", submission.id,
                ReplyState.SENT, ResultClass.B) > 0;
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.CLOSED, submission.id.toString(),
                new ClosedV1(submission.id, unrated ? "NOT_EVALUATED" : rehandled ? "AFTER_REHANDLING" : "SATISFIED", followUp,
                        submission.closedAt));
        change.audit("submission.closed", "submission", submission.id, "ASSIGNED → CLOSED"
                + (followUp ? ", B-class: followed yearly" : ""));
    }
}
