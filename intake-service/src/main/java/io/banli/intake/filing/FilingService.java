package io.banli.intake.filing;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.filing.FilingApi.DraftChange;
import io.banli.intake.filing.FilingApi.Invitation;
import io.banli.intake.filing.FilingApi.NewDraft;
import io.banli.intake.member.Member;
import io.banli.intake.session.Session;
import io.banli.intake.submission.CoSigner;
import io.banli.intake.submission.Submission;
import io.banli.intake.submission.SubmissionAccess;
import io.banli.intake.submission.SubmissionAnnouncer;
import io.banli.intake.submission.SubmissionRules;
import io.banli.intake.submission.SubmissionService;
import io.banli.intake.submission.SubmissionState;
import io.banli.intake.submission.SubmissionState.Action;
import io.banli.intake.submission.SubmissionView;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * Filing as a portal does it: the member drafts, invites co-signers, they sign before the cut-off, and
 * the member files. Drafts stay inside intake (no events); filing announces the item with the
 * co-signers who signed.
 */
@ApplicationScoped
@Transactional
public class FilingService {

    @Inject
    SubmissionAccess access;

    @Inject
    SubmissionService submissions;

    @Inject
    SubmissionAnnouncer announcer;

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    /** Starts a draft and returns its id; read it with {@link #view} once this has committed. */
    public long draft(NewDraft request) {
        long me = access.requiredMember();
        portalLeavesConfidentialityToTheOffice(request.confidential(), request.confidentiality());
        Session session = SubmissionRules.session(request.sessionId());
        Member proposer = SubmissionRules.member(me);
        SubmissionRules.checkKinds(request.kind(), session, proposer);
        SubmissionRules.checkContent(request.kind(), request.field(), request.groupName(), request.confidential(),
                request.confidentiality());
        Instant now = change.now();
        requireIntakeNotOver(session, now);
        Submission s = new Submission();
        s.sessionId = session.id;
        s.kind = request.kind();
        s.leadProposerId = me;
        s.state = SubmissionState.DRAFT;
        s.createdAt = now;
        apply(s, request.title(), request.body(), request.field(), SubmissionRules.groupName(proposer,
                request.groupName()), request.confidential(), request.confidentiality(),
                cutOff(request.coSignUntil(), session, now));
        s.persist();
        announcer.audit("submission.drafted", s, null, null);
        announcer.draftChanged(s);
        return s.id;
    }

    public void edit(long id, DraftChange request) {
        portalLeavesConfidentialityToTheOffice(request.confidential(), request.confidentiality());
        Submission s = owned(id, request.version(), Action.EDIT);
        Session session = Session.findById(s.sessionId);
        // A portal's edit keeps what the member marked with their own token; it cannot change it.
        boolean portal = caller.hasRole(Roles.PLATFORM);
        Boolean confidential = portal ? Boolean.valueOf(s.confidential) : request.confidential();
        var confidentiality = portal ? s.confidentiality : request.confidentiality();
        SubmissionRules.checkContent(s.kind, request.field(), request.groupName(), confidential, confidentiality);
        apply(s, request.title(), request.body(), request.field(), SubmissionRules.groupName(
                Member.findById(s.leadProposerId), request.groupName()), confidential, confidentiality,
                cutOff(request.coSignUntil(), session, change.now()));
        announcer.audit("submission.draft-edited", s, s.state, null);
        announcer.draftChanged(s);
    }

    public void invite(long id, Invitation request) {
        Submission s = owned(id, request.version(), Action.INVITE);
        List<Long> ids = request.memberIds().stream().distinct().toList();
        SubmissionRules.checkCoSigners(ids, Member.findById(s.leadProposerId));
        Instant now = change.now();
        for (Long memberId : ids) {
            if (CoSigner.count("submissionId = ?1 and memberId = ?2", s.id, memberId) == 0) {
                CoSigner c = new CoSigner();
                c.submissionId = s.id;
                c.memberId = memberId;
                c.state = CoSigner.State.INVITED;
                c.invitedAt = now;
                c.persist();
            }
        }
        announcer.audit("submission.co-signers-invited", s, s.state, "members " + ids);
        announcer.draftChanged(s);
    }

    /** The invited member signs; only a signature before the cut-off counts. */
    public void sign(long id) {
        long me = access.requiredMember();
        Submission s = submissions.forChange(id, null, Action.SIGN);
        CoSigner c = CoSigner.<CoSigner>find("submissionId = ?1 and memberId = ?2", s.id, me).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("submission", id));
        Instant now = change.now();
        if (s.coSignUntil != null && !now.isBefore(s.coSignUntil)) {
            throw Problems.problem(409, "co-sign-closed", "Conflict", "Co-signing submission " + id + " closed at "
                    + s.coSignUntil + ".");
        }
        if (c.state == CoSigner.State.INVITED) {
            c.state = CoSigner.State.SIGNED;
            c.signedAt = now;
            announcer.audit("submission.co-signed", s, s.state, "member " + me);
            announcer.draftChanged(s);
        }
    }

    public void file(long id, long version) {
        Submission s = owned(id, version, Action.FILE);
        Session session = Session.findById(s.sessionId);
        Instant now = change.now();
        if (!session.intakeOpen(now)) {
            throw intakeClosed(session);
        }
        s.state = SubmissionState.RECEIVED;
        s.filedAt = now;
        s.filedBy = change.actor();
        announcer.filed(s, SubmissionState.DRAFT);
    }

    /**
     * The item as committed: the answers of the changes above are read in a transaction of their own, after the
     * change committed, so they show the version the next change must name.
     */
    public SubmissionView view(long id) {
        return SubmissionView.of(Submission.findById(id));
    }

    /**
     * Confidentiality, like the key-item flag and the leading official, is the office's decision at review
     * (PATCH /submissions/{id}); a portal files what the member wrote and nothing more.
     */
    private void portalLeavesConfidentialityToTheOffice(Boolean confidential, Object confidentiality) {
        if (caller.hasRole(Roles.PLATFORM) && (Boolean.TRUE.equals(confidential) || confidentiality != null)) {
            throw Problems.forbidden("Confidentiality is decided by the office at review; a platform does not set "
                    + "confidential or confidentiality.");
        }
    }

    private Submission owned(long id, long version, Action action) {
        long me = access.requiredMember();
        Submission s = submissions.forChange(id, version, action);
        if (s.leadProposerId != me) {
            throw Problems.notFound("submission", id);
        }
        return s;
    }

    private static void apply(Submission s, String title, String body, String field, String groupName,
            Boolean confidential, io.banli.intake.submission.Confidentiality confidentiality, Instant coSignUntil) {
        s.title = title;
        s.body = body;
        s.field = field;
        s.groupName = groupName;
        s.confidential = Boolean.TRUE.equals(confidential);
        s.confidentiality = confidentiality;
        s.coSignUntil = coSignUntil;
    }

    /** The cut-off for co-signers: as asked, in the future, and never after the intake window closes. */
    private static Instant cutOff(Instant asked, Session session, Instant now) {
        if (asked == null) {
            return session.intakeClosesAt;
        }
        if (!asked.isAfter(now)) {
            throw Problems.unprocessable("invalid-cut-off", "coSignUntil " + asked + " is not in the future.");
        }
        if (session.intakeClosesAt != null && asked.isAfter(session.intakeClosesAt)) {
            throw Problems.unprocessable("invalid-cut-off", "coSignUntil " + asked
                    + " is after the intake window closes (" + session.intakeClosesAt + ").");
        }
        return asked;
    }

    private static void requireIntakeNotOver(Session session, Instant now) {
        if (session.intakeClosesAt != null && !now.isBefore(session.intakeClosesAt)) {
            throw intakeClosed(session);
        }
    }

    private static RuntimeException intakeClosed(Session session) {
        return Problems.problem(409, "intake-closed", "Conflict", "The intake window of " + session.name
                + " is " + (session.intakeOpensAt == null ? "" : "from " + session.intakeOpensAt + " ")
                + (session.intakeClosesAt == null ? "open-ended" : "until " + session.intakeClosesAt)
                + ": filing is not possible now.");
    }
}
