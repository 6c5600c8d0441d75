package io.banli.assignment.letter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.UnitRole;
import io.banli.assignment.reply.Commitment;
import io.banli.assignment.reply.Disclosure;
import io.banli.assignment.reply.Reply;
import io.banli.assignment.reply.ReplyState;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.LeaderScope;
import io.banli.assignment.unit.Unit;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * The reply letter of a sent reply, for those who may read it (anyone else: 404). Every read is audited, so the
 * read runs in a transaction with the audit entry.
 */
@ApplicationScoped
@Transactional
public class LetterService {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    LeaderScope leaders;

    @Inject
    Clock clock;

    /** Who gets a copy of every reply (抄送), besides the co-units of a joint item. */
    @ConfigProperty(name = "banli.letter.copy-to.suggestion", defaultValue = "市人大常委会代表工作委员会,市人民政府督查室")
    List<String> copyToSuggestion;

    @ConfigProperty(name = "banli.letter.copy-to.proposal", defaultValue = "市政协提案委员会,市人民政府督查室")
    List<String> copyToProposal;

    /** The letter as PDF (two pages: the letter and the evaluation form). */
    public byte[] letter(long submissionId, long replyId) {
        HandledSubmission submission = HandledSubmission.require(submissionId);
        Reply reply = Reply.<Reply>find("id = ?1 and submissionId = ?2", replyId, submissionId).firstResultOptional()
                .filter(r -> r.state == ReplyState.SENT || r.state == ReplyState.SUPERSEDED)
                .filter(r -> mayRead(submission, r))
                .orElseThrow(() -> Problems.notFound("sent reply of submission " + submissionId + ",", replyId));
        Unit unit = Unit.findById(reply.unitId);
        boolean suggestion = "SUGGESTION".equals(submission.kind);
        List<String> copyTo = new ArrayList<>(suggestion ? copyToSuggestion : copyToProposal);
        Assignment part = Assignment.findById(reply.assignmentId);
        if (part.role == UnitRole.LEAD) {
            Parts.live(submissionId).stream().filter(a -> a.role == UnitRole.CO)
                    .forEach(a -> copyTo.add(Unit.<Unit>findById(a.unitId).name));
        }
        List<String> commitments = Commitment.<Commitment>list("replyId = ?1 order by id", reply.id).stream()
                .map(c -> c.action + "（" + c.promisedOn + "前）").toList();
        byte[] pdf = ReplyLetter.render(new ReplyLetter.Content(unit.name,
                // The letter's own number is the item's number people know (第N号), never a database id (issue 14).
                unit.name + "答复〔" + ReplyLetter.dateOf(reply.decidedAt, clock.getZone()).getYear() + "〕"
                        + submission.printedNumber() + "号"
                        + (reply.replyVersion > 1 ? "（更正第" + reply.replyVersion + "版）" : ""),
                reply.resultClass.name(), suggestion ? "建议" : "提案", submission.printedNumber(), submission.title,
                submission.addressee(), reply.text, commitments,
                ReplyLetter.dateOf(reply.decidedAt, clock.getZone()), copyTo,
                reply.disclosure == Disclosure.CONFIDENTIAL, reply.fingerprint));
        audit.record("reply.letter-read", "submission", submissionId, "reply " + replyId);
        return pdf;
    }

    private boolean mayRead(HandledSubmission submission, Reply reply) {
        if (caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        if (caller.hasRole(Roles.LEADER)) {
            return leaders.leads(submission);
        }
        if (caller.unitId().isPresent()) {
            return caller.unitId().get().equals(reply.unitId);
        }
        return caller.memberId().filter(submission::receivesReply).isPresent();
    }
}
