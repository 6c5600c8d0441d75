package io.banli.intake.submission;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.member.Member;
import io.banli.intake.session.Session;
import io.banli.intake.submission.SubmissionEvents.Proposer;
import io.banli.intake.submission.SubmissionEvents.SubmissionFiledV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionMergedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionRefusedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionRegisteredV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionUpdatedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionWithdrawnV1;
import io.banli.kit.change.StateChange;

/**
 * Writes a submission's events to the outbox and its audit entries, in the caller's transaction.
 * Each audit entry names the state before and after, so the log alone tells the item's history.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubmissionAnnouncer {

    @Inject
    StateChange change;

    public void filed(Submission s, SubmissionState before) {
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.FILED, s.id.toString(),
                new SubmissionFiledV1(s.id, s.sessionId, s.kind, s.title, s.field, proposer(s),
                        CoSigner.signedOf(s.id), s.groupName, s.filedAt));
        audit("submission.filed", s, before, null);
    }

    /**
     * What the registered event says besides the number, read before the number is taken: the counter row is
     * then held only for writing the number, the event and the audit entry.
     */
    public record Registration(Session session, Proposer proposer, List<Long> coSigners) {
    }

    public Registration registration(Submission s) {
        return new Registration(Session.findById(s.sessionId), proposer(s), CoSigner.signedOf(s.id));
    }

    /** Announces the registration {@link #registration prepared} before the item was numbered. */
    public void registered(Submission s, SubmissionState before, Registration r) {
        Session session = r.session();
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.REGISTERED, s.id.toString(),
                new SubmissionRegisteredV1(s.id, s.sessionId, session.name, session.kind, session.level, session.year,
                        s.number, s.kind, s.title, s.field, r.proposer(), r.coSigners(), s.groupName,
                        s.keyItem, s.leadingOfficial, s.confidential, s.registeredAt));
        audit("submission.registered", s, before, session.name + " 第" + s.number + "号");
    }

    public void updated(Submission s, Instant at, String what) {
        Session session = Session.findById(s.sessionId);
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.UPDATED, s.id.toString(),
                new SubmissionUpdatedV1(s.id, s.sessionId, session.name, session.kind, session.level, session.year,
                        s.number, s.kind, s.title, s.field, proposer(s), CoSigner.signedOf(s.id), s.groupName,
                        s.keyItem, s.leadingOfficial, s.confidential, s.registeredAt, at));
        audit("submission.updated", s, s.state, what);
    }

    public void refused(Submission s, SubmissionState before, Instant at) {
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.REFUSED, s.id.toString(),
                new SubmissionRefusedV1(s.id, s.sessionId, s.refusalReason, s.disposition, at));
        audit("submission.refused", s, before, s.disposition + ": " + s.refusalReason);
    }

    public void merged(Submission s, SubmissionState before, Instant at) {
        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.MERGED, s.id.toString(),
                new SubmissionMergedV1(s.id, s.mergedIntoId, at));
        audit("submission.merged", s, before, "into " + s.mergedIntoId);
    }

    public void withdrawn(Submission s, SubmissionState before) {
        // A draft never left the proposer's hands: nobody else knows it, so there is nothing to announce.
        if (before != SubmissionState.DRAFT) {
            change.announce(SubmissionEvents.TOPIC, SubmissionEvents.WITHDRAWN, s.id.toString(),
                    new SubmissionWithdrawnV1(s.id, s.withdrawnAt));
        }
        audit("submission.withdrawn", s, before, s.withdrawalReason);
    }

    /** For changes that stay inside intake (drafts, invitations, signatures, attachments). */
    public void audit(String action, Submission s, SubmissionState before, String detail) {
        String states = before == s.state ? s.state.name() : (before == null ? "new" : before) + " -> " + s.state;
        change.audit(action, "submission", s.id, detail == null ? states : states + ": " + detail);
    }

    private static Proposer proposer(Submission s) {
        Member m = Member.findById(s.leadProposerId);
        return new Proposer(m.id, m.name, m.delegation);
    }
}
