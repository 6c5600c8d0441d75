package io.banli.assignment.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.SubmissionState;
import io.banli.kit.change.StateChange;

/**
 * 撤回: the proposer withdrew the item in intake. Handling stops for every unit, and the closed event tells
 * supervision to close the deadlines.
 */
@ApplicationScoped
@Transactional
public class WithdrawalService {

    @Inject
    StateChange change;

    /** Stops the item's handling; an item that is unknown here or already over is left as it is. */
    public void withdraw(long submissionId) {
        HandledSubmission submission = HandledSubmission.findById(submissionId);
        if (submission == null || submission.state.isOver()) {
            return;
        }
        for (Assignment part : Parts.live(submission.id)) {
            if (part.state.isLive()) {
                part.moveTo(AssignmentState.WITHDRAWN, "withdraw it");
            }
        }
        String before = submission.state.name();
        submission.state = SubmissionState.WITHDRAWN;
        submission.closedAt = change.now();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.CLOSED, submission.id.toString(),
                new WorkflowEvents.ClosedV1(submission.id, "WITHDRAWN", false, submission.closedAt));
        change.audit("submission.withdrawn", "submission", submission.id, before + " → WITHDRAWN");
    }
}
