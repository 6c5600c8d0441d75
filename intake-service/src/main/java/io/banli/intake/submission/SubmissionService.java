package io.banli.intake.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.intake.member.Member;
import io.banli.intake.member.MemberKind;
import io.banli.intake.session.Session;
import io.banli.intake.session.SessionKind;
import io.banli.intake.submission.SubmissionEvents.Proposer;
import io.banli.intake.submission.SubmissionEvents.SubmissionRegisteredV1;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

@ApplicationScoped
@Transactional
public class SubmissionService {

    @Inject
    StateChange change;

    @Inject
    EntityManager em;

    /** Registers (立案) a submission: assigns its per-session number and announces it, in one transaction. */
    public Submission register(SubmissionResource.NewSubmission request) {
        Session session = Session.<Session>findByIdOptional(request.sessionId()).orElseThrow(
                () -> Problems.unprocessable("unknown-session", "No session with id " + request.sessionId() + "."));
        Member proposer = Member.<Member>findByIdOptional(request.leadProposerId()).orElseThrow(
                () -> Problems.unprocessable("unknown-member", "No member with id " + request.leadProposerId() + "."));
        checkKinds(request.kind(), session, proposer);

        Submission submission = new Submission();
        submission.sessionId = session.id;
        submission.number = nextNumber(session.id);
        submission.kind = request.kind();
        submission.title = request.title();
        submission.body = request.body();
        submission.field = request.field();
        submission.leadProposerId = proposer.id;
        submission.state = SubmissionState.REGISTERED;
        submission.registeredAt = change.now();
        submission.registeredBy = change.actor();
        submission.persist();

        change.announce(SubmissionEvents.TOPIC, SubmissionEvents.REGISTERED, submission.id.toString(),
                new SubmissionRegisteredV1(submission.id, session.id, session.name, submission.number,
                        submission.kind, submission.title, submission.field,
                        new Proposer(proposer.id, proposer.name, proposer.delegation), submission.registeredAt));
        change.audit("submission.registered", "submission", submission.id,
                session.name + " 第" + submission.number + "号");
        return submission;
    }

    /**
     * The session row is locked by the update until commit, so concurrent registrations queue here:
     * no number is given twice, and a rolled-back registration gives its number back.
     */
    private int nextNumber(long sessionId) {
        return ((Number) em.createNativeQuery(
                "update session set next_number = next_number + 1 where id = :id returning next_number - 1")
                .setParameter("id", sessionId).getSingleResult()).intValue();
    }

    private static void checkKinds(SubmissionKind kind, Session session, Member proposer) {
        boolean suggestion = kind == SubmissionKind.SUGGESTION;
        if (suggestion != (session.kind == SessionKind.PEOPLES_CONGRESS)) {
            throw Problems.unprocessable("kind-mismatch", "A " + kind + " cannot be filed at a " + session.kind
                    + " session: suggestions belong to people's congress sessions, proposals to CPPCC sessions.");
        }
        if (suggestion != (proposer.kind == MemberKind.DEPUTY)) {
            throw Problems.unprocessable("kind-mismatch", "A " + kind + " cannot be led by a " + proposer.kind
                    + ": deputies file suggestions, CPPCC members file proposals.");
        }
    }
}
