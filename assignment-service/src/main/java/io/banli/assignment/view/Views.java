package io.banli.assignment.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.UnitRole;
import io.banli.assignment.evaluation.Evaluation;
import io.banli.assignment.merge.MergedItem;
import io.banli.assignment.reply.Reply;
import io.banli.assignment.reply.ReplyState;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.LeaderScope;
import io.banli.assignment.submission.SubmissionState;
import io.banli.assignment.unit.Unit;
import io.banli.kit.http.Paged;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

/** The three ways people look at handling: the office's board, a unit's inbox, a member's items. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Views {

    @Inject
    Caller caller;

    @Inject
    Parts parts;

    @Inject
    LeaderScope leaders;

    public record PartRow(long unitId, String unitName, UnitRole role, AssignmentState state, boolean overdue) {
    }

    public record BoardRow(long submissionId, long sessionId, int number, String title, SubmissionState state,
            boolean keyItem, boolean overdue, List<PartRow> units) {
    }

    public record BoardPage(long total, int page, int size, List<BoardRow> items) implements Paged {
        @Override
        public int pageSize() {
            return size;
        }
    }

    public record InboxRow(long submissionId, int number, String title, UnitRole role, AssignmentState state,
            int round, String nextAction, Instant assignedAt, LocalDate extendedUntil, boolean overdue,
            Long pendingReplyId, ReplyState pendingReplyState) {
    }

    public record SentReply(long replyId, long unitId, String unitName, int version, int round, String resultClass,
            String disclosure, String text, String fingerprint, ReplyState state, Instant repliedAt,
            boolean canEvaluate) {
    }

    /** {@code mergedIntoId}: the host item of a merged item (并案), whose units and replies it shows; else null. */
    public record MemberItem(long submissionId, int number, String title, SubmissionState state, String myRole,
            List<PartRow> units, List<SentReply> replies,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) Long mergedIntoId) {
    }

    /** The office's board (a leader's: their key items), newest session first, by number; every filter optional. */
    public BoardPage board(Long sessionId, SubmissionState state, Long unitId, Boolean overdue, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (leaders.narrowed()) {
            // A leader's board holds the key items they lead; a leader's token without a name, none.
            where.append(" and s.keyItem = true and s.leadingOfficial = :leader");
            params.and("leader", leaders.leaderName().orElse(""));
            if (leaders.leaderName().isEmpty()) {
                where.append(" and 1 = 0");
            }
        }
        if (sessionId != null) {
            where.append(" and s.sessionId = :session");
            params.and("session", sessionId);
        }
        if (state != null) {
            where.append(" and s.state = :state");
            params.and("state", state);
        }
        if (unitId != null) {
            where.append(" and s.id in (select a.submissionId from Assignment a where a.unitId = :unit"
                    + " and a.state <> :moved)");
            params.and("unit", unitId).and("moved", AssignmentState.REASSIGNED);
        }
        if (overdue != null) {
            where.append(overdue ? " and" : " and not").append(
                    " exists (select 1 from Assignment o where o.submissionId = s.id and o.overdue = true)");
        }
        var query = HandledSubmission.<HandledSubmission>find("from HandledSubmission s where " + where
                + " order by s.sessionId desc, s.number, s.id",
                params.map());
        long total = query.count();
        List<BoardRow> rows = query.page(Page.of(page, size)).list().stream().map(s -> {
            List<PartRow> units = partRows(s.id);
            return new BoardRow(s.id, s.sessionId, s.number, s.title, s.state, s.keyItem,
                    units.stream().anyMatch(PartRow::overdue), units);
        }).toList();
        return new BoardPage(total, page, size, rows);
    }

    /** What the caller's unit must do now, oldest first. */
    public List<InboxRow> inbox() {
        long unitId = parts.callersUnit();
        List<Assignment> open = Assignment.list("unitId = ?1 and state in ?2 order by id", unitId, List.of(
                AssignmentState.PRE_ASSIGNED, AssignmentState.ADJUSTMENT_REQUESTED, AssignmentState.ASSIGNED,
                AssignmentState.HANDLING, AssignmentState.REPLY_SUBMITTED, AssignmentState.REHANDLING));
        List<InboxRow> rows = new ArrayList<>();
        for (Assignment a : open) {
            HandledSubmission s = HandledSubmission.findById(a.submissionId);
            Reply pending = Reply.<Reply>find("assignmentId = ?1 and state in ?2 order by id desc", a.id,
                    List.of(ReplyState.DRAFT, ReplyState.APPROVED, ReplyState.SUBMITTED)).firstResult();
            rows.add(new InboxRow(s.id, s.number, s.title, a.role, a.state, a.round, nextAction(a, pending),
                    a.assignedAt, a.extendedUntil, a.overdue, pending == null ? null : pending.id,
                    pending == null ? null : pending.state));
        }
        return rows;
    }

    private static String nextAction(Assignment a, Reply pending) {
        return switch (a.state) {
            case PRE_ASSIGNED -> "REVIEW_PRE_ASSIGNMENT";
            case ASSIGNED -> "SIGN_FOR";
            case ADJUSTMENT_REQUESTED, REPLY_SUBMITTED -> "WAIT_FOR_OFFICE";
            case HANDLING, REHANDLING -> {
                if (a.role == UnitRole.CO) {
                    yield "SEND_OPINION";
                }
                if (pending == null) {
                    yield "DRAFT_REPLY";
                }
                yield pending.state == ReplyState.DRAFT ? "HEAD_SIGNS_REPLY" : "SUBMIT_REPLY";
            }
            default -> "NONE";
        };
    }

    /**
     * A member's items, as proposer or signed co-signer, with every sent reply and what they may do. An item merged
     * into another (并案) shows the host's units and replies, which the member rates on the host.
     */
    public List<MemberItem> memberItems() {
        long memberId = caller.memberId().orElseThrow(() -> Problems.forbidden("The token names no member."));
        @SuppressWarnings("unchecked")
        List<Number> ids = HandledSubmission.getEntityManager().createNativeQuery(
                // @> rather than "= any": the co-signers' GIN index answers it, where "= any" read every item.
                "select id from handled_submission where proposer_id = ?1 "
                        + "or co_signer_ids @> array[cast(?1 as bigint)] order by id")
                .setParameter(1, memberId).getResultList();
        List<MemberItem> items = new ArrayList<>();
        for (Number id : ids) {
            HandledSubmission s = HandledSubmission.findById(id.longValue());
            if (s.state == SubmissionState.MERGED && MergedItem.findById(s.id) != null) {
                continue; // shown below, from its merge
            }
            items.add(memberItem(s.id, s.number, s.title, s.state,
                    Long.valueOf(memberId).equals(s.proposerId) ? "PROPOSER" : "CO_SIGNER", s.id, null, memberId));
        }
        for (MergedItem m : MergedItem.naming(memberId)) {
            items.add(memberItem(m.submissionId, m.number == null ? 0 : m.number, m.title, SubmissionState.MERGED,
                    Long.valueOf(memberId).equals(m.proposerId) ? "PROPOSER" : "CO_SIGNER", m.intoSubmissionId,
                    m.intoSubmissionId, memberId));
        }
        items.sort(Comparator.comparingLong(MemberItem::submissionId));
        return items;
    }

    /** One item as its member sees it; {@code handledAs} is the item whose units and replies it shows. */
    private static MemberItem memberItem(long id, int number, String title, SubmissionState state, String role,
            long handledAs, Long mergedIntoId, long memberId) {
        Map<Long, String> unitNames = new HashMap<>();
        List<PartRow> units = partRows(handledAs);
        units.forEach(u -> unitNames.put(u.unitId(), u.unitName()));
        List<SentReply> replies = Reply.<Reply>list("submissionId = ?1 and state in ?2 order by id", handledAs,
                List.of(ReplyState.SENT, ReplyState.SUPERSEDED)).stream().map(r -> {
                    Assignment part = Assignment.findById(r.assignmentId);
                    boolean canEvaluate = r.state == ReplyState.SENT && part.awaitsEvaluation()
                            && r.round == part.round && Evaluation.count(
                                    "assignmentId = ?1 and round = ?2 and memberId = ?3", part.id, part.round,
                                    memberId) == 0;
                    return new SentReply(r.id, r.unitId, unitNames.get(r.unitId), r.replyVersion, r.round,
                            r.resultClass.name(), r.disclosure.name(), r.text, r.fingerprint, r.state,
                            r.decidedAt, canEvaluate);
                }).toList();
        return new MemberItem(id, number, title, state, role, units, replies, mergedIntoId);
    }

    private static List<PartRow> partRows(long submissionId) {
        return Parts.live(submissionId).stream().map(a -> new PartRow(a.unitId,
                Unit.<Unit>findById(a.unitId).name, a.role, a.state, a.overdue)).toList();
    }
}
