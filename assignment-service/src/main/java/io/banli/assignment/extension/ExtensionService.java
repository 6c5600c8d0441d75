package io.banli.assignment.extension;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.ExtensionDecidedV1;
import io.banli.assignment.assignment.WorkflowEvents.ExtensionRequestedV1;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

/**
 * Extensions: the law allows at most six months from the formal assignment for a complex item, and
 * only with the office's approval, which is recorded.
 */
@ApplicationScoped
@Transactional
public class ExtensionService {

    static final int MAX_MONTHS = 6;

    @Inject
    StateChange change;

    @Inject
    Parts parts;

    @Inject
    Clock clock;

    public ExtensionRequest request(long submissionId, LocalDate until, String reason) {
        Assignment part = parts.ofCaller(submissionId);
        if (!part.replies() || (part.state != AssignmentState.ASSIGNED && part.state != AssignmentState.HANDLING)) {
            throw Problems.illegalTransition("The part of unit " + part.unitId + " in submission " + submissionId
                    + " is " + part.state + " (" + part.role + "): only a replying unit still handling its first "
                    + "reply may apply for an extension.");
        }
        checkUntil(part, until, "requestedUntil");
        if (ExtensionRequest.count("assignmentId = ?1 and state = ?2", part.id, ExtensionRequest.State.REQUESTED) > 0) {
            throw Problems.illegalTransition("Unit " + part.unitId + " has an undecided extension request for "
                    + "submission " + submissionId + ".");
        }
        ExtensionRequest request = new ExtensionRequest();
        request.submissionId = submissionId;
        request.assignmentId = part.id;
        request.unitId = part.unitId;
        request.requestedUntil = until;
        request.reason = reason;
        request.state = ExtensionRequest.State.REQUESTED;
        request.requestedAt = change.now();
        request.requestedBy = change.actor();
        request.persist();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.EXTENSION_REQUESTED, String.valueOf(submissionId),
                new ExtensionRequestedV1(submissionId, part.id, part.unitId, until, request.requestedAt));
        change.audit("extension.requested", "submission", submissionId, "unit " + part.unitId + " until " + until);
        return request;
    }

    public ExtensionRequest decide(long submissionId, long unitId, boolean approved, LocalDate until, String reason) {
        ExtensionRequest request = ExtensionRequest.<ExtensionRequest>find(
                "submissionId = ?1 and unitId = ?2 and state = ?3", submissionId, unitId,
                ExtensionRequest.State.REQUESTED).firstResultOptional()
                .orElseThrow(() -> Problems.illegalTransition("Unit " + unitId + " has no undecided extension request "
                        + "for submission " + submissionId + "."));
        Assignment part = Assignment.findById(request.assignmentId);
        LocalDate granted = until != null ? until : request.requestedUntil;
        if (approved) {
            checkUntil(part, granted, "until");
            part.extendedUntil = granted;
        }
        request.state = approved ? ExtensionRequest.State.APPROVED : ExtensionRequest.State.REFUSED;
        request.decidedUntil = approved ? granted : null;
        request.decisionReason = reason;
        request.decidedAt = change.now();
        request.decidedBy = change.actor();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.EXTENSION_DECIDED, String.valueOf(submissionId),
                new ExtensionDecidedV1(submissionId, part.id, unitId, approved, request.decidedUntil,
                        request.decidedAt));
        change.audit("extension.decided", "submission", submissionId, "unit " + unitId + ": " + request.state
                + (approved ? " until " + granted : "") + " — " + reason);
        ExtensionRequest.flush();
        return request;
    }

    private void checkUntil(Assignment part, LocalDate until, String field) {
        LocalDate assignedOn = LocalDate.ofInstant(part.assignedAt, clock.getZone());
        LocalDate limit = assignedOn.plusMonths(MAX_MONTHS);
        if (!until.isAfter(LocalDate.now(clock))) {
            throw Problems.badInput("date-not-in-future", field, "body", "must be a future date");
        }
        if (until.isAfter(limit)) {
            throw Problems.unprocessable("extension-too-long", "An extension ends at most " + MAX_MONTHS
                    + " months after the formal assignment (" + assignedOn + "): " + limit + " at the latest.");
        }
    }
}
