package io.banli.assignment.view;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.AssignmentView;
import io.banli.assignment.evaluation.Evaluation;
import io.banli.assignment.evaluation.EvaluationView;
import io.banli.assignment.handling.Contact;
import io.banli.assignment.handling.ContactView;
import io.banli.assignment.handling.OpinionView;
import io.banli.assignment.handling.Opinion;
import io.banli.assignment.reply.Reply;
import io.banli.assignment.reply.ReplyView;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.LeaderScope;
import io.banli.assignment.submission.SubmissionState;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * Reads a submission's handling file. The office and auditors see everything, a leader the key items
 * they lead (any other answers 404, as a foreign row does); a unit sees only items assigned to it, and of them
 * its own contacts, replies and evaluations, plus the opinions sent to it as lead unit. A read model over every
 * capability, so it lives with the board and the inbox, above them all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HandlingFileQuery {

    @Inject
    Caller caller;

    @Inject
    LeaderScope leaders;

    public HandlingFile find(long submissionId) {
        HandledSubmission submission = HandledSubmission.require(submissionId);
        if (leaders.narrowed() && !leaders.leads(submission)) {
            throw Problems.notFound("submission", submissionId);
        }
        List<Assignment> assignments = Assignment.list("submissionId = ?1 order by id", submissionId);
        Optional<Long> unit = isUnit() ? caller.unitId() : Optional.empty();
        if (isUnit() && assignments.stream().noneMatch(a -> a.unitId.equals(unit.orElse(null))
                && a.state != AssignmentState.REASSIGNED)) {
            throw Problems.notFound("submission", submissionId);
        }
        String mine = unit.map(id -> " and unitId = " + id).orElse("");
        List<ContactView> contacts = Contact.<Contact>list("submissionId = ?1" + mine + " order by id", submissionId)
                .stream().map(ContactView::of).toList();
        String opinionsMine = unit.map(id -> " and (unitId = " + id + " or leadUnitId = " + id + ")").orElse("");
        List<OpinionView> opinions = Opinion.<Opinion>list("submissionId = ?1" + opinionsMine + " order by id",
                submissionId).stream().map(OpinionView::of).toList();
        List<ReplyView> replies = Reply.<Reply>list("submissionId = ?1" + mine + " order by id", submissionId)
                .stream().map(ReplyView::of).toList();
        List<EvaluationView> evaluations = Evaluation.<Evaluation>list("submissionId = ?1" + mine + " order by id",
                submissionId).stream().map(EvaluationView::of).toList();
        return new HandlingFile(submission.id, submission.sessionId, submission.number, submission.kind,
                submission.state, submission.title, submission.field, submission.leadProposer, submission.keyItem,
                submission.leadingOfficial, assignments.stream().map(AssignmentView::of).toList(), contacts, opinions,
                replies, evaluations);
    }

    private boolean isUnit() {
        return !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.AUDITOR);
    }
}
