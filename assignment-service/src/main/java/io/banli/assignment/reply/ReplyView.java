package io.banli.assignment.reply;

import java.time.Instant;
import java.util.List;

/** A reply version as the API shows it, with its commitments and fingerprint. */
public record ReplyView(Long id, Long unitId, int round, int version, Long correctsReplyId, ReplyState state,
        ResultClass resultClass, ResultClass classChangedFrom, Disclosure disclosure, String confidentialReason,
        String text, List<CommitmentView> commitments, String fingerprint, Instant draftedAt, Instant approvedAt,
        String approvedBy, Instant submittedAt, Instant decidedAt, String returnReason) {
    public static ReplyView of(Reply r) {
        List<CommitmentView> commitments = Commitment.<Commitment>list("replyId = ?1 order by id", r.id).stream()
                .map(CommitmentView::of).toList();
        return new ReplyView(r.id, r.unitId, r.round, r.replyVersion, r.correctsReplyId, r.state, r.resultClass,
                r.classChangedFrom, r.disclosure, r.confidentialReason, r.text, commitments, r.fingerprint,
                r.draftedAt, r.approvedAt, r.approvedBy, r.submittedAt, r.decidedAt, r.returnReason);
    }
}
