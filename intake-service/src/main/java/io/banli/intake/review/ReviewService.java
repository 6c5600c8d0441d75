package io.banli.intake.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.intake.submission.Submission;
import io.banli.intake.submission.SubmissionAccess;
import io.banli.intake.submission.SubmissionAnnouncer;
import io.banli.intake.submission.SubmissionRules;
import io.banli.intake.submission.SubmissionService;
import io.banli.intake.submission.SubmissionState;
import io.banli.intake.submission.SubmissionView;
import io.banli.intake.submission.SubmissionState.Action;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/** The office's review at intake (register, refuse, merge, correct) and the proposer's withdrawal. */
@ApplicationScoped
@Transactional
public class ReviewService {

    @Inject
    SubmissionService submissions;

    @Inject
    SubmissionAnnouncer announcer;

    @Inject
    SubmissionAccess access;

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** Registers the item; the answer lists its {@code similar} best similar items (none searched for at 0). */
    public SubmissionView register(long id, Registration request, int similar) {
        Submission s = submissions.forChange(id, request.version(), Action.REGISTER);
        boolean keyItem = request.keyItem() != null ? request.keyItem() : s.keyItem;
        String official = request.keyItem() != null || request.leadingOfficial() != null ? request.leadingOfficial()
                : s.leadingOfficial;
        SubmissionRules.checkKeyItem(keyItem, official);
        s.keyItem = keyItem;
        s.leadingOfficial = keyItem ? official : null;
        return submissions.register(s, similar);
    }

    public SubmissionView refuse(long id, Refusal request) {
        Submission s = submissions.forChange(id, request.version(), Action.REFUSE);
        SubmissionState before = s.state;
        s.state = SubmissionState.REFUSED;
        s.refusalReason = request.reason();
        s.disposition = request.disposition();
        announcer.refused(s, before, change.now());
        return changed(s);
    }

    /** 并案: this item is handled together with another of the same session; its proposer still gets a reply. */
    public SubmissionView merge(long id, Merger request) {
        Submission s = submissions.forChange(id, request.version(), Action.MERGE);
        if (request.intoSubmissionId() == id) {
            throw Problems.unprocessable("invalid-merge", "An item cannot be merged into itself.");
        }
        Submission into = Submission.<Submission>findByIdOptional(request.intoSubmissionId())
                .filter(t -> t.state == SubmissionState.RECEIVED || t.state == SubmissionState.REGISTERED)
                .orElseThrow(() -> Problems.unprocessable("invalid-merge", "No received or registered submission "
                        + request.intoSubmissionId() + " to merge into."));
        if (!into.sessionId.equals(s.sessionId) || into.kind != s.kind) {
            throw Problems.unprocessable("invalid-merge", "Only items of the same session and kind are merged.");
        }
        if (s.repliedAt != null) {
            throw Problems.unprocessable("invalid-merge", "Submission " + id + " was replied to at " + s.repliedAt
                    + ": a replied item is not merged.");
        }
        if (Submission.count("mergedIntoId", s.id) > 0) {
            // Its merged items' proposers follow their host: a host is merged only after they are moved.
            throw Problems.unprocessable("invalid-merge", "Submission " + id + " is the host of merged items: "
                    + "merge those into the new host first.");
        }
        SubmissionState before = s.state;
        s.state = SubmissionState.MERGED;
        s.mergedIntoId = into.id;
        announcer.merged(s, into, before, change.now());
        return changed(s);
    }

    /** The proposer's written withdrawal (the office may record one handed in on paper); not after a reply. */
    public SubmissionView withdraw(long id, Withdrawal request) {
        Submission s = submissions.forChange(id, request.version(), Action.WITHDRAW);
        if (!caller.hasRole(Roles.OFFICE) && access.actingMember().filter(s.leadProposerId::equals).isEmpty()) {
            throw Problems.notFound("submission", id);
        }
        if (s.repliedAt != null) {
            throw Problems.illegalTransition("Submission " + id + " is " + s.state + " and was replied to at "
                    + s.repliedAt + ": it can no longer be withdrawn.");
        }
        SubmissionState before = s.state;
        s.state = SubmissionState.WITHDRAWN;
        s.withdrawnAt = change.now();
        s.withdrawalReason = request.reason();
        announcer.withdrawn(s, before);
        return changed(s);
    }

    /** The office corrects what the review decides: field, key item, confidentiality. */
    public SubmissionView update(long id, Correction request) {
        Submission s = submissions.forChange(id, request.version(), Action.UPDATE);
        String field = request.field() != null ? request.field() : s.field;
        boolean confidential = request.confidential() != null ? request.confidential() : s.confidential;
        var reason = request.confidential() != null || request.confidentiality() != null ? request.confidentiality()
                : s.confidentiality;
        boolean keyItem = request.keyItem() != null ? request.keyItem() : s.keyItem;
        String official = request.keyItem() != null || request.leadingOfficial() != null ? request.leadingOfficial()
                : s.leadingOfficial;
        SubmissionRules.checkContent(s.kind, field, s.groupName, confidential, reason);
        SubmissionRules.checkKeyItem(keyItem, official);
        s.field = field;
        s.confidential = confidential;
        s.confidentiality = reason;
        s.keyItem = keyItem;
        s.leadingOfficial = keyItem ? official : null;
        String what = "field " + field + ", keyItem " + keyItem + ", confidential " + confidential;
        if (s.state == SubmissionState.REGISTERED) {
            announcer.updated(s, change.now(), what);
        } else {
            announcer.audit("submission.updated", s, s.state, what);
        }
        return changed(s);
    }

    /** The item as it is stored now (versions and times as a later read gives them). */
    private SubmissionView changed(Submission s) {
        em.flush();
        em.refresh(s);
        return SubmissionView.of(s);
    }
}
