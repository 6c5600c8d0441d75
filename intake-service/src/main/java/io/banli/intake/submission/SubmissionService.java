package io.banli.intake.submission;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.banli.intake.member.Member;
import io.banli.intake.session.Session;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

/** Filing and registration shared by every way in: the office's one step, the portal, the review. */
@ApplicationScoped
@Transactional
public class SubmissionService {

    @Inject
    StateChange change;

    @Inject
    EntityManager em;

    @Inject
    SubmissionAnnouncer announcer;

    @Inject
    SubmissionAccess access;

    /**
     * The office enters a paper submission at the session: filed and registered (立案) in one step, its
     * co-signers signed on paper. Announces filed, then registered, in one transaction. The office's alone:
     * portals draft and file for their member ({@code FilingService}), and co-signers sign themselves.
     */
    public Submission fileAndRegister(SubmissionResource.NewSubmission request) {
        Session session = SubmissionRules.session(request.sessionId());
        Member proposer = SubmissionRules.member(request.leadProposerId());
        SubmissionRules.checkKinds(request.kind(), session, proposer);
        List<Long> coSigners = request.coSignerIds() == null ? List.of() : request.coSignerIds().stream().distinct().toList();
        SubmissionRules.checkCoSigners(coSigners, proposer);
        SubmissionRules.checkContent(request.kind(), request.field(), request.groupName(), request.confidential(),
                request.confidentiality());
        SubmissionRules.checkKeyItem(request.keyItem(), request.leadingOfficial());

        Submission s = new Submission();
        s.sessionId = session.id;
        s.kind = request.kind();
        s.title = request.title();
        s.body = request.body();
        s.field = request.field();
        s.leadProposerId = proposer.id;
        s.groupName = request.groupName();
        s.keyItem = Boolean.TRUE.equals(request.keyItem());
        s.leadingOfficial = s.keyItem ? request.leadingOfficial() : null;
        s.confidential = Boolean.TRUE.equals(request.confidential());
        s.confidentiality = request.confidentiality();
        s.createdAt = change.now();
        s.filedAt = s.createdAt;
        s.filedBy = change.actor();
        s.state = SubmissionState.RECEIVED;
        s.persist();
        for (Long id : coSigners) {
            CoSigner c = new CoSigner();
            c.submissionId = s.id;
            c.memberId = id;
            c.state = CoSigner.State.SIGNED;
            c.invitedAt = s.createdAt;
            c.signedAt = s.createdAt;
            c.persist();
        }
        em.flush();
        announcer.filed(s, null);
        register(s);
        return s;
    }

    /** Registers (立案) a received item: takes the session's next number and announces it. */
    public void register(Submission s) {
        SubmissionState before = s.state;
        s.number = nextNumber(s.sessionId);
        s.state = SubmissionState.REGISTERED;
        s.registeredAt = change.now();
        s.registeredBy = change.actor();
        announcer.registered(s, before);
    }

    /**
     * Loads a submission for a change: locks its row (concurrent changes queue here), checks that the
     * caller may see it (404 otherwise), that the caller's version is current (409 otherwise) and that
     * the action is allowed in its state (409 naming the state).
     */
    public Submission forChange(long id, Long expectedVersion, SubmissionState.Action action) {
        Submission s = em.find(Submission.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !access.visible(s)) {
            throw Problems.notFound("submission", id);
        }
        if (expectedVersion != null && expectedVersion != s.version) {
            throw Problems.problem(409, "stale-version", "Conflict", "Submission " + id + " has changed: it is at version "
                    + s.version + ", the request was made against version " + expectedVersion + ". Reload and retry.");
        }
        if (!action.allowedFrom(s.state)) {
            throw Problems.illegalTransition("Submission " + id + " is " + s.state + ": " + action
                    + " is not allowed in that state.");
        }
        return s;
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
}
