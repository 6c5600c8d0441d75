package io.banli.assignment.adjustment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.AdjustmentDecidedV1;
import io.banli.assignment.assignment.WorkflowEvents.AdjustmentRequestedV1;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.unit.Unit;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 申请调整: a unit says "not ours" within the adjustment window, which counts from the first assignment it
 * received (the pre-assignment, or the formal or direct assignment); the office re-assigns the part to another
 * unit or keeps it, with a reason either way. A part moved after its formal assignment is formally assigned to
 * the new unit at once, whose clock starts then.
 */
@ApplicationScoped
@Transactional
public class AdjustmentService {

    @Schema(name = "AdjustmentOutcome", description = "How the office decides a unit's adjustment request.")
    public enum Decision {
        REASSIGN, KEEP
    }

    @Inject
    StateChange change;

    @Inject
    Parts parts;

    public Assignment request(long submissionId, String reason) {
        Assignment part = parts.ofCaller(submissionId);
        if (part.adjustmentWindowClosed && part.state != AssignmentState.ADJUSTMENT_REQUESTED) {
            throw Problems.illegalTransition("The adjustment window of submission " + submissionId + " for unit "
                    + part.unitId + " has closed: the assignment stands (" + part.state + ").");
        }
        AssignmentState before = part.state;
        part.moveTo(AssignmentState.ADJUSTMENT_REQUESTED, "ask for an adjustment");
        part.adjustmentReason = reason;
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.ADJUSTMENT_REQUESTED, String.valueOf(submissionId),
                new AdjustmentRequestedV1(submissionId, part.id, part.unitId, reason, change.now()));
        change.audit("adjustment.requested", "submission", submissionId,
                "unit " + part.unitId + ": " + before + " → ADJUSTMENT_REQUESTED");
        Assignment.flush();
        return part;
    }

    /** The office's decision on one unit's request; returns the part that now carries the work. */
    public Assignment decide(long submissionId, long unitId, Decision decision, Long newUnitId, String reason) {
        HandledSubmission submission = HandledSubmission.require(submissionId);
        Assignment part = Assignment.<Assignment>find("submissionId = ?1 and unitId = ?2 and state <> ?3",
                submissionId, unitId, AssignmentState.REASSIGNED).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("part of unit " + unitId + " in submission", submissionId));
        if (part.state != AssignmentState.ADJUSTMENT_REQUESTED) {
            throw Problems.illegalTransition("The part of unit " + unitId + " in submission " + submissionId + " is "
                    + part.state + ": there is no adjustment request to decide.");
        }
        Assignment carrier = part;
        boolean formal = part.assignedAt != null;
        if (decision == Decision.KEEP) {
            // Back to where the request found it: its deadlines ran on meanwhile.
            part.moveTo(part.signedAt != null ? AssignmentState.HANDLING
                    : formal ? AssignmentState.ASSIGNED : AssignmentState.PRE_ASSIGNED, "keep it");
            // The unit had its say: the window does not reopen for a second objection.
            part.adjustmentWindowClosed = true;
        } else {
            if (newUnitId == null) {
                throw Problems.badInput("missing-unit", "newUnitId", "body", "must name the unit for REASSIGN");
            }
            Unit unit = Unit.requireActive(newUnitId);
            if (Assignment.count("submissionId = ?1 and unitId = ?2 and state <> ?3", submissionId, unit.id,
                    AssignmentState.REASSIGNED) > 0) {
                throw Problems.unprocessable("duplicate-unit", "Unit " + unit.id + " already has a part in submission "
                        + submissionId + ".");
            }
            part.moveTo(AssignmentState.REASSIGNED, "re-assign it");
            carrier = new Assignment();
            carrier.submissionId = submissionId;
            carrier.unitId = unit.id;
            carrier.mode = part.mode;
            carrier.role = part.role;
            if (formal) {
                // The item was formally assigned already: the new unit gets it formally, its clock starting now.
                carrier.state = AssignmentState.ASSIGNED;
                carrier.assignedAt = change.now();
                carrier.assignedBy = change.actor();
            } else {
                carrier.state = AssignmentState.PRE_ASSIGNED;
                carrier.preAssignedAt = change.now();
            }
            carrier.persist();
        }
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.ADJUSTMENT_DECIDED, String.valueOf(submissionId),
                new AdjustmentDecidedV1(submissionId, part.id, unitId, decision == Decision.KEEP ? "KEPT" : "REASSIGNED",
                        decision == Decision.KEEP ? null : carrier.unitId,
                        decision == Decision.KEEP ? null : carrier.id, reason, change.now()));
        if (carrier != part) {
            parts.announcePart(formal ? WorkflowEvents.ASSIGNED : WorkflowEvents.PRE_ASSIGNED, carrier, submission);
        }
        change.audit("adjustment.decided", "submission", submissionId, "unit " + unitId + ": " + decision
                + (carrier != part ? " to unit " + carrier.unitId : "") + " — " + reason);
        Assignment.flush();
        return carrier;
    }
}
