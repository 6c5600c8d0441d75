package io.banli.assignment.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.submission.IntakeEvents.SubmissionRegistered;
import io.banli.kit.change.StateChange;

/** The local copy of intake's registered submissions: taken in, kept true to intake's corrections. */
@ApplicationScoped
@Transactional
public class SubmissionService {

    @Inject
    StateChange change;

    public void register(SubmissionRegistered registered) {
        HandledSubmission submission = new HandledSubmission();
        submission.id = registered.submissionId();
        copy(registered, submission);
        submission.registeredAt = registered.registeredAt();
        submission.persist();
    }

    /**
     * The office corrected the registered item (title, field, key flag, co-signers …): keep the copy true.
     * False when the item is not registered here yet.
     */
    public boolean update(SubmissionRegistered updated) {
        HandledSubmission submission = HandledSubmission.findById(updated.submissionId());
        if (submission == null) {
            return false;
        }
        copy(updated, submission);
        change.audit("submission.updated", "submission", submission.id, "copy refreshed from intake");
        return true;
    }

    private static void copy(SubmissionRegistered registered, HandledSubmission submission) {
        submission.sessionId = registered.sessionId();
        submission.sessionKind = registered.sessionKind();
        submission.level = registered.level();
        submission.year = registered.year();
        submission.number = registered.number();
        submission.committeeNumber = registered.committeeNumber();
        submission.kind = registered.kind();
        submission.title = registered.title();
        submission.field = registered.field();
        submission.leadProposer = registered.leadProposer().name();
        submission.proposerId = registered.leadProposer().memberId();
        submission.coSignerIds = registered.coSignerIds() == null ? new Long[0]
                : registered.coSignerIds().toArray(Long[]::new);
        submission.groupName = registered.groupName();
        submission.keyItem = Boolean.TRUE.equals(registered.keyItem());
        submission.leadingOfficial = registered.leadingOfficial();
        submission.confidential = Boolean.TRUE.equals(registered.confidential());
    }
}
