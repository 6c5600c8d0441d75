package io.banli.assignment.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        List<HandledSubmission> items = query.page(Page.of(page, size)).list();
        Map<Long, List<PartRow>> partsOf = partRows(items.stream().map(s -> s.id).toList());
        List<BoardRow> rows = items.stream().map(s -> {
            List<PartRow> units = partsOf.getOrDefault(s.id, List.of());
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
     * into another (并案) shows the host's units and replies, which the member rates on the host. Read in a fixed
     * number of statements, whatever the number of items: one per item, part, unit and reply made this list the
     * heaviest request of the soak (a fifth of assignment's CPU).
     */
    public List<MemberItem> memberItems() {
        long memberId = caller.memberId().orElseThrow(() -> Problems.forbidden("The token names no member."));
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) HandledSubmission.getEntityManager().createNativeQuery(
                // @> rather than "= any": the co-signers' GIN index answers it, where "= any" read every item.
                "select id from handled_submission where proposer_id = ?1 "
                        + "or co_signer_ids @> array[cast(?1 as bigint)] order by id")
                .setParameter(1, memberId).getResultList()).stream().map(Number::longValue).toList();
        List<HandledSubmission> own = ids.isEmpty() ? List.of() : HandledSubmission.list("id in ?1 order by id", ids);
        List<Long> mergedIds = own.stream().filter(s -> s.state == SubmissionState.MERGED).map(s -> s.id).toList();
        Set<Long> shownFromMerge = mergedIds.isEmpty() ? Set.of() : MergedItem.<MergedItem>list("submissionId in ?1",
                mergedIds).stream().map(m -> m.submissionId).collect(Collectors.toSet());
        List<HandledSubmission> shown = own.stream().filter(s -> !shownFromMerge.contains(s.id)).toList();
        List<MergedItem> merges = MergedItem.naming(memberId);
        Set<Long> handled = new HashSet<>();
        shown.forEach(s -> handled.add(s.id));
        merges.forEach(m -> handled.add(m.intoSubmissionId));
        Map<Long, List<PartRow>> partsOf = partRows(handled);
        Map<Long, List<SentReply>> replies = sentReplies(handled, memberId, partsOf);

        List<MemberItem> items = new ArrayList<>();
        for (HandledSubmission s : shown) {
            items.add(new MemberItem(s.id, s.number, s.title, s.state,
                    Long.valueOf(memberId).equals(s.proposerId) ? "PROPOSER" : "CO_SIGNER",
                    partsOf.getOrDefault(s.id, List.of()), replies.getOrDefault(s.id, List.of()), null));
        }
        for (MergedItem m : merges) {
            items.add(new MemberItem(m.submissionId, m.number == null ? 0 : m.number, m.title, SubmissionState.MERGED,
                    Long.valueOf(memberId).equals(m.proposerId) ? "PROPOSER" : "CO_SIGNER",
                    partsOf.getOrDefault(m.intoSubmissionId, List.of()),
                    replies.getOrDefault(m.intoSubmissionId, List.of()), m.intoSubmissionId));
        }
        items.sort(Comparator.comparingLong(MemberItem::submissionId));
        return items;
    }

    /**
     * The sent replies of these items, by item, in the order they were sent; {@code canEvaluate}: the member may
     * still rate it (sent, its part awaits evaluation in this round, and the member has not rated that round).
     */
    private static Map<Long, List<SentReply>> sentReplies(Set<Long> submissionIds, long memberId,
            Map<Long, List<PartRow>> partsOf) {
        Map<Long, List<SentReply>> bySubmission = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return bySubmission;
        }
        List<Reply> sent = Reply.list("submissionId in ?1 and state in ?2 order by id", submissionIds,
                List.of(ReplyState.SENT, ReplyState.SUPERSEDED));
        Set<Long> assignmentIds = sent.stream().map(r -> r.assignmentId).collect(Collectors.toSet());
        Map<Long, Assignment> assignments = new HashMap<>();
        Map<Long, Set<Integer>> ratedRounds = new HashMap<>();
        if (!assignmentIds.isEmpty()) {
            Assignment.<Assignment>list("id in ?1", assignmentIds).forEach(a -> assignments.put(a.id, a));
            Evaluation.<Evaluation>list("memberId = ?1 and assignmentId in ?2", memberId, assignmentIds)
                    .forEach(e -> ratedRounds.computeIfAbsent(e.assignmentId, k -> new HashSet<>()).add(e.round));
        }
        for (Reply r : sent) {
            Assignment part = assignments.get(r.assignmentId);
            boolean canEvaluate = r.state == ReplyState.SENT && part.awaitsEvaluation() && r.round == part.round
                    && !ratedRounds.getOrDefault(part.id, Set.of()).contains(part.round);
            String unitName = partsOf.getOrDefault(r.submissionId, List.of()).stream()
                    .filter(u -> u.unitId() == r.unitId).map(PartRow::unitName).findFirst().orElse(null);
            bySubmission.computeIfAbsent(r.submissionId, k -> new ArrayList<>()).add(new SentReply(r.id, r.unitId,
                    unitName, r.replyVersion, r.round, r.resultClass.name(), r.disclosure.name(), r.text,
                    r.fingerprint, r.state, r.decidedAt, canEvaluate));
        }
        return bySubmission;
    }

    /**
     * The live parts (not re-assigned away) of these items, by item, each in the order it was made, with its unit's
     * name: two statements for a whole board page or a member's list.
     */
    private static Map<Long, List<PartRow>> partRows(Collection<Long> submissionIds) {
        Map<Long, List<PartRow>> bySubmission = new HashMap<>();
        List<Assignment> live = Parts.live(submissionIds);
        Map<Long, String> unitNames = new HashMap<>();
        Set<Long> unitIds = live.stream().map(a -> a.unitId).collect(Collectors.toSet());
        if (!unitIds.isEmpty()) {
            Unit.<Unit>list("id in ?1", unitIds).forEach(u -> unitNames.put(u.id, u.name));
        }
        for (Assignment a : live) {
            bySubmission.computeIfAbsent(a.submissionId, k -> new ArrayList<>())
                    .add(new PartRow(a.unitId, unitNames.get(a.unitId), a.role, a.state, a.overdue));
        }
        return bySubmission;
    }
}
