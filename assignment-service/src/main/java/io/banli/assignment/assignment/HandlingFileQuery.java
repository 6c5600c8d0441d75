package io.banli.assignment.assignment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.AssignmentResource.AssignmentView;
import io.banli.assignment.reply.Reply;
import io.banli.assignment.reply.ReplyResource.ReplyView;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/** Reads a submission's handling file, showing a unit only what is assigned to it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HandlingFileQuery {

    @Inject
    Caller caller;

    public record HandlingFile(Long submissionId, Long sessionId, int number, String kind, String title, String field,
            String leadProposer, List<AssignmentView> assignments, List<ReplyView> replies) {
    }

    public HandlingFile find(long submissionId) {
        HandledSubmission submission = HandledSubmission.<HandledSubmission>findByIdOptional(submissionId)
                .orElseThrow(() -> Problems.notFound("submission", submissionId));
        List<Assignment> assignments = Assignment.list("submissionId = ?1 order by id", submissionId);
        if (isUnit() && assignments.stream().noneMatch(a -> a.unitId.equals(caller.unitId().orElse(null)))) {
            throw Problems.notFound("submission", submissionId);
        }
        List<ReplyView> replies = Reply.<Reply>list("submissionId = ?1 order by id", submissionId).stream()
                .map(ReplyView::of).toList();
        return new HandlingFile(submission.id, submission.sessionId, submission.number, submission.kind,
                submission.title, submission.field, submission.leadProposer,
                assignments.stream().map(AssignmentView::of).toList(), replies);
    }

    private boolean isUnit() {
        return !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.AUDITOR);
    }
}
