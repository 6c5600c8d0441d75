package io.banli.assignment.merge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.IntakeEvents;
import io.banli.assignment.submission.SubmissionState;
import io.banli.kit.change.StateChange;

/**
 * 并案: intake merged an item into a host item. The merged item stops its own handling at whatever stage it was
 * (registered, pre-assigned, assigned, a reply in progress): its open parts close as MERGED, and the closed event
 * (outcome MERGED) tells supervision to stop chasing it. Its proposers are kept with the host: the host's reply
 * is sent to them and they rate it (deploy/docs/decisions.md, "并案: one handling, every proposer answered").
 */
@ApplicationScoped
@Transactional
public class MergeService {

    @Inject
    StateChange change;

    public void merge(IntakeEvents.Merged merged) {
        MergedItem item = MergedItem.findById(merged.submissionId());
        if (item == null) {
            item = new MergedItem();
            item.submissionId = merged.submissionId();
        }
        item.intoSubmissionId = merged.intoSubmissionId();
        item.number = merged.number();
        item.title = merged.title();
        item.proposerId = merged.leadProposerId();
        item.coSignerIds = merged.coSignerIds() == null ? new Long[0] : merged.coSignerIds().toArray(Long[]::new);
        item.mergedAt = merged.mergedAt() != null ? merged.mergedAt() : change.now();
        item.persist();
        HandledSubmission submission = HandledSubmission.findById(merged.submissionId());
        if (submission == null || submission.state.isOver()) {
            return; // merged before registration (never held here), or its handling ended already
        }
        if (item.proposerId == null) {
            // an event of an intake that did not name the proposers yet: the copy still knows them
            item.proposerId = submission.proposerId;
            item.coSignerIds = submission.coSignerIds;
        }
        for (Assignment part : Parts.live(submission.id)) {
            if (part.state.isLive()) {
                part.moveTo(AssignmentState.MERGED, "merge it");
                part.closedAt = change.now();
            }
        }
        String before = submission.state.name();
        submission.state = SubmissionState.MERGED;
        submission.mergedIntoId = merged.intoSubmissionId();
        submission.closedAt = change.now();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.CLOSED, submission.id.toString(),
                new WorkflowEvents.ClosedV1(submission.id, "MERGED", false, submission.closedAt));
        change.audit("submission.merged", "submission", submission.id, before + " → MERGED into "
                + merged.intoSubmissionId());
    }
}
