package io.banli.reporting.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import io.banli.reporting.platform.PlatformGrants;
import io.banli.reporting.progress.ProgressView.Deadline;
import io.banli.reporting.progress.ProgressView.Evaluation;
import io.banli.reporting.progress.ProgressView.NextAction;
import io.banli.reporting.progress.ProgressView.Reply;
import io.banli.reporting.progress.ProgressView.Unit;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.sql.Sql;
import io.banli.kit.security.Roles;

/**
 * Every item a member leads or is invited to co-sign, drafts included, from the projection of intake's,
 * assignment's and supervision's events (units and ratings from the statistics' own tables). Who may ask: the member, a platform whose token names
 * them, a platform whose registration covers them (without drafts and confidential items), the office and the
 * auditor; anyone else learns nothing (404, as for a member who does not exist).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MemberProgress {

    static final Set<String> STAGES = Set.of("DRAFT", "CO_SIGNING", "FILED", "REGISTERED", "REFUSED", "MERGED",
            "WITHDRAWN", "ASSIGNED", "HANDLING", "REPLIED", "REHANDLING", "CLOSED");
    private static final Set<String> WITHDRAWABLE = Set.of("DRAFT", "RECEIVED", "REGISTERED", "MERGED");

    private static final String ITEMS = """
            from (select s.submission_id as id, s.session_id, s.number, s.title, s.kind, s.state, s.co_sign_until,
                         (select min(u.first_replied_at) from unit_part u
                          where u.submission_id = s.submission_id) as replied_at,
                         case when s.lead_proposer_id = :m then 'LEAD' else 'CO_SIGNER' end as member_role,
                         c.state as co_state,
                         case when s.state = 'DRAFT' and exists (select 1 from progress_co_signer x
                                      where x.submission_id = s.submission_id and x.state = 'INVITED') then 'CO_SIGNING'
                              when s.state = 'DRAFT' then 'DRAFT'
                              when s.state = 'RECEIVED' then 'FILED'
                              when s.state in ('REFUSED', 'MERGED', 'WITHDRAWN') then s.state
                              when h.stage is not null then h.stage
                              else 'REGISTERED' end as stage,
                         s.merged_into
                  from progress_item s
                  left join progress_co_signer c on c.submission_id = s.submission_id and c.member_id = :m
                  left join progress_handling h on h.submission_id = s.submission_id
                  where (s.lead_proposer_id = :m or c.member_id is not null)
                    -- The same items, said so that the indexes on the proposer and the co-signer find them instead
                    -- of a scan of every item (the soak's progress reads).
                    and s.submission_id in (select i.submission_id from progress_item i where i.lead_proposer_id = :m
                                            union all
                                            select x.submission_id from progress_co_signer x where x.member_id = :m)
                    and (cast(:own as boolean) or s.state <> 'DRAFT' and not s.confidential)) p
            where (cast(:stage as text) is null or p.stage = :stage)
              and (cast(:session as bigint) is null or p.session_id = :session)""";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    PlatformGrants grants;

    @Inject
    Clock clock;

    public ProgressView.Page of(long memberId, String stage, Long sessionId, int page, int size) {
        checkAccess(memberId);
        // A platform whose token names no member sees what it would see of the item list: no drafts, nothing
        // confidential (those only with the member's own token, or a portal's token naming the member).
        boolean own = !caller.hasRole(Roles.PLATFORM) || caller.memberId().isPresent();
        if (stage != null && !STAGES.contains(stage)) {
            throw Problems.badInput("unknown-stage", "stage", "query", "must be one of " + String.join(", ",
                    STAGES.stream().sorted().toList()));
        }
        long total = ((Number) Sql.of(em, "select count(*) " + ITEMS).bind("m", memberId).bind("own", own).bind("stage", stage)
                .bind("session", sessionId).<Object>list().get(0)).longValue();
        List<Object[]> rows = Sql.of(em, "select p.* " + ITEMS + " order by p.id desc limit :size offset :offset")
                .bind("m", memberId).bind("own", own).bind("stage", stage).bind("session", sessionId).bind("size", size)
                .bind("offset", page * size).list();
        // A merged item (并案) is handled as its host: it shows the host's units, deadlines and replies.
        List<Long> ids = rows.stream().map(r -> ((Number) (r[11] != null ? r[11] : r[0])).longValue()).distinct()
                .toList();
        Details details = ids.isEmpty() ? new Details() : details(ids, memberId);
        Instant now = clock.instant();
        List<ProgressView> items = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Row row = new Row(id, ((Number) r[1]).longValue(), r[2] == null ? null : ((Number) r[2]).intValue(),
                    (String) r[3], (String) r[4], (String) r[5], instant(r[6]), instant(r[7]), (String) r[8],
                    (String) r[9], (String) r[10], r[11] == null ? null : ((Number) r[11]).longValue());
            long handled = row.handledAs();
            List<Deadline> deadlines = details.deadlines.getOrDefault(handled, List.of());
            List<Reply> replies = details.replies.getOrDefault(handled, List.of());
            List<Evaluation> evaluations = details.evaluations.getOrDefault(handled, List.of());
            items.add(new ProgressView(id, row.sessionId, row.number, row.title, row.kind, row.memberRole, row.state,
                    row.stage, details.units.getOrDefault(handled, List.of()), deadlines, replies, evaluations,
                    nextActions(row, memberId, details.recipients.getOrDefault(handled, Map.of()), deadlines,
                            evaluations, now), row.mergedIntoId));
        }
        return new ProgressView.Page(items, page, size, total);
    }

    private record Row(long id, long sessionId, Integer number, String title, String kind, String state,
            Instant coSignUntil, Instant repliedAt, String memberRole, String coState, String stage,
            Long mergedIntoId) {

        /** The item whose handling this one shows: its host when merged (并案), else itself. */
        long handledAs() {
            return mergedIntoId != null ? mergedIntoId : id;
        }
    }

    private static final class Details {
        final Map<Long, List<Unit>> units = new HashMap<>();
        final Map<Long, List<Deadline>> deadlines = new HashMap<>();
        final Map<Long, List<Reply>> replies = new HashMap<>();
        final Map<Long, List<Evaluation>> evaluations = new HashMap<>();
        /** By submission: each sent reply's id and the members it was sent to. */
        final Map<Long, Map<Long, List<Long>>> recipients = new HashMap<>();
    }

    private Details details(List<Long> ids, long memberId) {
        Details d = new Details();
        Sql.of(em, """
                select submission_id, unit_id, unit_name, role, assigned_at, signed_at from unit_part
                where submission_id in (:ids) and not reassigned_away and assigned_at is not null
                order by assigned_at, unit_id""").bindIds("ids", ids).<Object[]>list()
                .forEach(r -> d.units.computeIfAbsent(id(r[0]), k -> new ArrayList<>()).add(new Unit(id(r[1]),
                        (String) r[2], (String) r[3], instant(r[4]), instant(r[5]))));
        Sql.of(em, """
                select submission_id, deadline_id, stage, unit_id, due_at, state from progress_deadline
                where submission_id in (:ids) order by due_at nulls last, deadline_id""").bindIds("ids", ids)
                .<Object[]>list().forEach(r -> d.deadlines.computeIfAbsent(id(r[0]), k -> new ArrayList<>())
                        .add(new Deadline(id(r[1]), (String) r[2], nullableId(r[3]), instant(r[4]), (String) r[5])));
        Sql.of(em, """
                select submission_id, reply_id, unit_id, round, result_class, fingerprint, replied_at, disclosure,
                       recipient_ids
                from progress_reply where submission_id in (:ids) and replied_at is not null
                order by replied_at, reply_id""").bindIds("ids", ids).<Object[]>list().forEach(r -> {
                    long submission = id(r[0]);
                    long reply = id(r[1]);
                    d.replies.computeIfAbsent(submission, k -> new ArrayList<>()).add(new Reply(reply,
                            nullableId(r[2]), r[3] == null ? null : ((Number) r[3]).intValue(), text(r[4]),
                            (String) r[5], instant(r[6]),
                            "/api/v1/submissions/" + submission + "/replies/" + reply + "/letter", (String) r[7]));
                    d.recipients.computeIfAbsent(submission, k -> new java.util.LinkedHashMap<>()).put(reply, ids(r[8]));
                });
        Sql.of(em, """
                select submission_id, reply_id, unit_id, round, rating, evaluated_at from evaluation
                where submission_id in (:ids) and member_id = :m and reply_id is not null order by evaluated_at""").bindIds("ids", ids)
                .bind("m", memberId).<Object[]>list()
                .forEach(r -> d.evaluations.computeIfAbsent(id(r[0]), k -> new ArrayList<>()).add(new Evaluation(
                        id(r[1]), nullableId(r[2]), r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4],
                        instant(r[5]))));
        return d;
    }

    private static List<NextAction> nextActions(Row row, long memberId, Map<Long, List<Long>> recipients,
            List<Deadline> deadlines, List<Evaluation> evaluations, Instant now) {
        List<NextAction> actions = new ArrayList<>();
        boolean lead = "LEAD".equals(row.memberRole);
        if ("DRAFT".equals(row.state) && "INVITED".equals(row.coState)
                && (row.coSignUntil == null || now.isBefore(row.coSignUntil))) {
            actions.add(new NextAction("SIGN_AS_CO_SIGNER", "POST", "/api/v1/drafts/" + row.id + "/signature",
                    row.coSignUntil));
        }
        if (lead && "DRAFT".equals(row.state)) {
            actions.add(new NextAction("FILE_DRAFT", "POST", "/api/v1/drafts/" + row.id + "/filing", null));
        }
        Deadline window = deadlines.stream().filter(d -> "EVALUATION".equals(d.stage()))
                .reduce((first, second) -> second).orElse(null);
        boolean windowOpen = window == null || "OPEN".equals(window.state())
                && (window.dueAt() == null || now.isBefore(window.dueAt()));
        if (windowOpen && !"CLOSED".equals(row.stage)) {
            recipients.forEach((reply, to) -> {
                boolean rated = evaluations.stream().anyMatch(e -> e.replyId() == reply);
                if (to.contains(memberId) && !rated) {
                    actions.add(new NextAction("EVALUATE", "POST", "/api/v1/submissions/" + row.handledAs() + "/replies/"
                            + reply + "/evaluations", window == null ? null : window.dueAt()));
                }
            });
        }
        if (lead && WITHDRAWABLE.contains(row.state) && row.repliedAt == null) {
            actions.add(new NextAction("WITHDRAW", "POST", "/api/v1/submissions/" + row.id + "/withdrawal", null));
        }
        return actions;
    }

    private void checkAccess(long memberId) {
        boolean allowed;
        if (caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.AUDITOR)) {
            allowed = true;
        } else if (caller.hasRole(Roles.PLATFORM)) {
            // The token's member if it names one (the registry's check has already covered it), else the grant.
            allowed = caller.memberId().isPresent() ? caller.memberId().get() == memberId
                    : grants.clientId().filter(c -> grants.mayActForMember(c, memberId)).isPresent();
        } else {
            allowed = caller.hasRole(Roles.MEMBER) && caller.memberId().filter(m -> m == memberId).isPresent();
        }
        // A member intake has not announced is unknown here as there (404).
        if (!allowed || Sql.of(em, "select 1 from progress_member where member_id = :m").bind("m", memberId).list()
                .isEmpty()) {
            throw Problems.notFound("member", memberId);
        }
    }

    /** A text column, whatever its SQL type (a one-letter class may come back as a character). */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static Long nullableId(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static List<Long> ids(Object array) {
        if (array instanceof Long[] longs) {
            return Arrays.asList(longs);
        }
        if (array instanceof Object[] objects) {
            return Arrays.stream(objects).map(o -> ((Number) o).longValue()).toList();
        }
        if (array instanceof java.sql.Array sql) {
            try {
                return ids(sql.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.of();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
