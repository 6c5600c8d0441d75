package io.banli.assignment.reply;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.ReplySubmittedV1;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;

@ApplicationScoped
@Transactional
public class ReplyService {

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    /** The caller's unit submits its reply to the office ({@code reply-submitted}). */
    public Reply submit(long submissionId, ReplyResource.NewReply request) {
        long unitId = caller.unitId().orElseThrow(() -> Problems.forbidden("The token names no unit."));
        Assignment assignment = Assignment.<Assignment>find("submissionId = ?1 and unitId = ?2", submissionId, unitId)
                .firstResultOptional()
                .orElseThrow(() -> Problems.notFound("submission assigned to unit " + unitId + ",", submissionId));
        if (!assignment.role.replies()) {
            throw Problems.illegalTransition("Unit " + unitId + " is a co-unit of submission " + submissionId
                    + ": co-units send their opinion to the lead unit, which replies.");
        }
        if (!assignment.state.canMoveTo(AssignmentState.SUBMITTED)) {
            throw Problems.illegalTransition("The assignment of submission " + submissionId + " to unit " + unitId
                    + " is " + assignment.state + ": a reply cannot be submitted now.");
        }
        Reply reply = new Reply();
        reply.submissionId = submissionId;
        reply.unitId = unitId;
        reply.text = request.text();
        reply.resultClass = request.resultClass();
        reply.fingerprint = Fingerprint.of(submissionId, unitId, request.resultClass(), request.text());
        reply.submittedAt = change.now();
        reply.submittedBy = change.actor();
        reply.persist();
        assignment.state = AssignmentState.SUBMITTED;

        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.REPLY_SUBMITTED, String.valueOf(submissionId),
                new ReplySubmittedV1(submissionId, reply.id, unitId, reply.resultClass.name(), reply.fingerprint,
                        reply.submittedAt));
        change.audit("reply.submitted", "submission", submissionId, "class " + reply.resultClass
                + ", sha256 " + reply.fingerprint);
        return reply;
    }
}
