package io.banli.intake.submission;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    @Inject
    SessionNumbers numbers;

    @Inject
    SimilarItems similarItems;

    @Inject
    SubmissionSearch search;

    /**
     * The office enters a paper submission at the session: filed and registered (立案) in one step, its
     * co-signers signed on paper. Announces filed, then registered, in one transaction. The office's alone:
     * portals draft and file for their member ({@code FilingService}), and co-signers sign themselves. The answer
     * lists the {@code similar} best similar items ({@link #register}).
     */
    public SubmissionView fileAndRegister(NewSubmission request, int similar) {
        Session session = SubmissionRules.session(request.sessionId());
        Member proposer = SubmissionRules.member(request.leadProposerId());
        SubmissionRules.checkKinds(request.kind(), session, proposer);
        // In member order, as CoSigner.signedOf reads them: the events list them so.
        List<Long> coSigners = request.coSignerIds() == null ? List.of()
                : request.coSignerIds().stream().distinct().sorted().toList();
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
        s.groupName = SubmissionRules.groupName(proposer, request.groupName());
        s.keyItem = Boolean.TRUE.equals(request.keyItem());
        s.leadingOfficial = s.keyItem ? request.leadingOfficial() : null;
        s.confidential = Boolean.TRUE.equals(request.confidential());
        s.confidentiality = request.confidentiality();
        s.createdAt = now();
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
        announcer.filed(s, null, coSigners);
        return register(s, similar, coSigners.stream()
                .map(id -> new SubmissionView.CoSignerView(id, CoSigner.State.SIGNED, s.createdAt)).toList());
    }

    /** A submission this caller may read (404 otherwise), as the API shows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SubmissionView view(long id) {
        return SubmissionView.of(access.readable(id));
    }

    /** One page of a search, of what this caller may read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SubmissionPage find(SubmissionSearch.Criteria criteria) {
        return search.find(criteria);
    }

    /** The items most like one this caller may read, best first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubmissionView.SimilarItem> similar(long id, int limit, double minScore) {
        return similarItems.of(access.readable(id), limit, minScore);
    }

    /**
     * Registers (立案) a received item: takes the session's next number and announces it; the answer carries the
     * {@code similar} best similar items, or none searched for at 0 (null in the answer: not looked for, where an
     * empty list says none was found). The search is most of a registration's work in the database, and an office
     * keying a stack of paper items looks for duplicates afterwards ({@code GET /submissions/{id}/similar}).
     * Everything else is read first (the search included), so the session's counter row is locked only for the
     * one statement that writes the registration with its number, the event and the audit entry, and for the
     * commit.
     */
    public SubmissionView register(Submission s, int similar) {
        return register(s, similar, SubmissionView.coSignersOf(s.id));
    }

    /** As {@link #register(Submission, int)}, with the item's co-signers known already (the office's one step). */
    private SubmissionView register(Submission s, int similar, List<SubmissionView.CoSignerView> coSigners) {
        // Detached before it changes: the numbering statement writes the whole registration, so Hibernate must
        // not write it first (one statement per registration instead of two, as for many items at once).
        em.flush();
        em.detach(s);
        SubmissionState before = s.state;
        s.state = SubmissionState.REGISTERED;
        s.registeredAt = now();
        s.registeredBy = change.actor();
        List<SubmissionView.SimilarItem> found = similar > 0 ? similarItems.of(s, similar, 0.2) : null;
        List<Long> signed = coSigners.stream().filter(c -> c.state() == CoSigner.State.SIGNED)
                .map(SubmissionView.CoSignerView::memberId).toList();
        SessionNumbers.Numbered announcement = announcer.registered(s, before, signed);
        s.number = numbers.assign(s.sessionId, s.id, announcement, s.registeredAt, s.registeredBy);
        s.version++;
        return SubmissionView.of(s, coSigners, found);
    }

    /** Now, as PostgreSQL stores it (microseconds), so an answer built in memory says what a later read says. */
    private Instant now() {
        return change.now().truncatedTo(ChronoUnit.MICROS);
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
}
