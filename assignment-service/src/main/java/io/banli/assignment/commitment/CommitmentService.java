package io.banli.assignment.commitment;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.assignment.WorkflowEvents.CommitmentProgressedV1;
import io.banli.assignment.reply.Commitment;
import io.banli.assignment.reply.Reply;
import io.banli.assignment.reply.ReplyState;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

/** Follows what replies promised until it is done, also after the item closed (B-class, 回头看). */
@ApplicationScoped
@Transactional
public class CommitmentService {

    @Inject
    StateChange change;

    @Inject
    Parts parts;

    @Inject
    Clock clock;

    public CommitmentProgress progress(long submissionId, long commitmentId, int percent, String note,
            LocalDate progressedOn) {
        long unitId = parts.callersUnit();
        Commitment commitment = Commitment.<Commitment>find("id = ?1 and submissionId = ?2 and unitId = ?3",
                commitmentId, submissionId, unitId).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("commitment of unit " + unitId + ",", commitmentId));
        Reply reply = Reply.findById(commitment.replyId);
        if (reply.state != ReplyState.SENT) {
            throw Problems.illegalTransition("Reply " + reply.id + " is " + reply.state + ": its commitments are "
                    + "followed once it is sent.");
        }
        if (commitment.fulfilled) {
            throw Problems.illegalTransition("Commitment " + commitmentId + " is fulfilled already.");
        }
        if (percent < commitment.percent) {
            throw Problems.unprocessable("progress-backwards", "Commitment " + commitmentId + " stands at "
                    + commitment.percent + " %: progress does not go back.");
        }
        if (progressedOn.isAfter(LocalDate.now(clock))) {
            throw Problems.badInput("future-date", "progressedOn", "body", "must not be in the future");
        }
        commitment.percent = percent;
        commitment.fulfilled = percent == 100;
        CommitmentProgress progress = new CommitmentProgress();
        progress.commitmentId = commitmentId;
        progress.percent = percent;
        progress.note = note;
        progress.progressedOn = progressedOn;
        progress.recordedAt = change.now();
        progress.recordedBy = change.actor();
        progress.persist();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.COMMITMENT_PROGRESSED, String.valueOf(submissionId),
                new CommitmentProgressedV1(submissionId, commitment.assignmentId, unitId, commitmentId, percent,
                        commitment.fulfilled, progressedOn, progress.recordedAt));
        change.audit("commitment.progressed", "submission", submissionId, "commitment " + commitmentId + ": "
                + percent + " %");
        Commitment.flush();
        return progress;
    }
}
