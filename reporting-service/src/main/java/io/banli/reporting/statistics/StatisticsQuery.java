package io.banli.reporting.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.banli.reporting.statistics.Statistics.Group;
import io.banli.reporting.statistics.Statistics.Overdue;
import io.banli.reporting.statistics.Statistics.Ratings;
import io.banli.reporting.statistics.Statistics.Replies;
import io.banli.reporting.statistics.Statistics.Share;
import io.banli.reporting.statistics.Statistics.UnitFigures;

/**
 * Computes {@link Statistics} from the projection with a few aggregate queries, so the cost grows
 * with the rows scanned, not with round trips. Definitions are domain.md's "Statistics". This scan is the
 * definition: the API serves the same figures from the rollups ({@link RolledUpStatistics}), which a test compares
 * with it, and a rebuild compares the fresh projection with the live one by it.
 */
@ApplicationScoped
public class StatisticsQuery {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Position of the maximum overdue days among the reply aggregates (not a sum). */
    private static final int MAX_DAYS = 6;
    public static final String REPLYING = "p.role in ('SOLE', 'LEAD', 'SPLIT')";
    /** Where a proposer's delegation or sector is not known (the registration has not arrived, or names none). */
    public static final String NO_DELEGATION = "未注明";
    /** A key item whose leading official is not named. */
    public static final String NO_LEADER = "未指定领衔领导";

    /**
     * Who leads an item. A group proposal (集体提案) is one led by a group on the register or carrying a group label (the
     * older form: a member filing for a group); items registered before intake named the proposer's kind count by
     * their own kind.
     */
    static final String PROPOSER_KIND = "case when i.proposer_kind = 'GROUP' or i.group_name is not null then 'GROUP' "
            + "else coalesce(i.proposer_kind, case when i.kind = 'SUGGESTION' then 'DEPUTY' else 'CPPCC_MEMBER' end) end";
    /** The reply deadline: supervision's (which knows the calendar and extensions), else the legal default. */
    public static final String DUE = "coalesce(p.reply_due_at, cast(p.extended_until + 1 as timestamp) at time zone "
            + "'Asia/Shanghai', p.assigned_at + interval '3 months')";
    /**
     * When the unit handed its first-round reply to the office (its last submission, after any return): the
     * unit's timeliness is measured here. Parts projected before submissions were kept count the reply's date.
     */
    public static final String SUBMITTED = "coalesce(p.submitted_at, p.first_replied_at)";
    /** Calendar days past the deadline, in the deployment's zone: still open as of now, or replied late. */
    public static final String OVERDUE_DAYS = "case when p.replied_at is null and " + DUE + " < :now then "
            + localDate("cast(:now as timestamptz)") + " - " + localDate(DUE) + " when p.first_replied_at > " + DUE
            + " then " + localDate("p.first_replied_at") + " - " + localDate(DUE) + " end";
    /**
     * A part's rating (满意率 per item): the lead proposer's in the latest round they rated, the rating the
     * workflow acts on (re-handling, closing). Where the lead proposer is not known (rows projected before it
     * was kept), the lowest rating of the latest round. Formatted with the evaluation and item tables.
     */
    public static final String RATINGS = """
            (select submission_id, unit_id, rating
             from (select e.submission_id, e.unit_id, e.rating, row_number() over (partition by e.submission_id,
                          e.unit_id order by e.round desc, case e.rating when 'UNSATISFIED' then 0
                          when 'BASICALLY_SATISFIED' then 1 else 2 end) as n
                   from %1$s e join %2$s i on i.submission_id = e.submission_id
                   where e.member_id = i.proposer_id or i.proposer_id is null) r
             where n = 1)""";
    /** Every member's rating of the latest round each part was rated in (满意率 per rating), counted per part. */
    public static final String EVERY_RATING = """
            (select submission_id, unit_id, count(*) filter (where rating = 'SATISFIED') as satisfied,
                    count(*) filter (where rating = 'BASICALLY_SATISFIED') as basic,
                    count(*) filter (where rating = 'UNSATISFIED') as unsatisfied
             from (select e.*, max(round) over (partition by submission_id, unit_id) as latest from %s e) r
             where round = latest group by submission_id, unit_id)""";
    private static final String REPLY_AGGREGATES = String.join(",\n", List.of(
            "count(*) filter (where " + REPLYING + ")",
            replying("p.replied_at is not null"),
            replying("p.first_replied_at <= " + DUE),
            replying("p.replied_at is null and " + DUE + " < :now"),
            replying("p.first_replied_at > " + DUE),
            "coalesce(sum(" + OVERDUE_DAYS + ") filter (where " + REPLYING + "), 0)",
            "coalesce(max(" + OVERDUE_DAYS + ") filter (where " + REPLYING + "), 0)",
            replying("p.replied_at is not null and p.result_class = 'A'"),
            replying("p.replied_at is not null and p.result_class = 'B'"),
            replying("p.replied_at is not null and p.result_class = 'C'"),
            replying("p.replied_at is not null and p.result_class = 'D'"),
            replying("p.replied_at is not null and p.contacted_before"),
            replying("p.replied_at is not null and p.met_face_to_face"),
            replying("p.replied_at is not null and ev.rating = 'SATISFIED'"),
            replying("p.replied_at is not null and ev.rating = 'BASICALLY_SATISFIED'"),
            replying("p.replied_at is not null and ev.rating = 'UNSATISFIED'"),
            replying("p.rehandling_count > 0"),
            "coalesce(sum(p.returned_count) filter (where " + REPLYING + "), 0)",
            replying("p.holding_answer"),
            "coalesce(sum(p.extensions_requested) filter (where " + REPLYING + "), 0)",
            "coalesce(sum(p.extensions_approved) filter (where " + REPLYING + "), 0)",
            "count(*) filter (where p.role in ('SOLE', 'LEAD'))",
            "count(*) filter (where p.role = 'CO')",
            "count(*) filter (where p.role = 'SPLIT')",
            replying(SUBMITTED + " is not null"),
            replying(SUBMITTED + " <= " + DUE),
            replying(SUBMITTED + " is null and " + DUE + " < :now"),
            "coalesce(sum(er.satisfied) filter (where " + REPLYING + " and p.replied_at is not null), 0)",
            "coalesce(sum(er.basic) filter (where " + REPLYING + " and p.replied_at is not null), 0)",
            "coalesce(sum(er.unsatisfied) filter (where " + REPLYING + " and p.replied_at is not null), 0)"));

    private static String replying(String condition) {
        return "count(*) filter (where " + REPLYING + " and " + condition + ")";
    }

    private static String localDate(String instant) {
        return "cast((" + instant + ") at time zone 'Asia/Shanghai' as date)";
    }

    @Inject
    EntityManager em;

    /**
     * The figures as of {@code now}, scanned from the projection: the definition the served figures
     * ({@link RolledUpStatistics}) are tested against.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Statistics compute(Filter f, int decimals, String prefix, Instant now) {
        Selection sel = Selection.of(f, prefix);
        Map<String, Long> byKind = new TreeMap<>(Map.of("SUGGESTION", 0L, "PROPOSAL", 0L));
        Map<String, Long> fieldCounts = new TreeMap<>();
        Map<String, Long> byMode = new TreeMap<>();
        long total = 0;
        long keyItems = 0;
        for (Object[] row : (List<Object[]>) sel.query(em, "select i.kind, i.field, coalesce(i.mode, 'UNASSIGNED'), "
                + "i.key_item, count(*) from " + sel.table("item") + " i where " + sel.items()
                + " group by 1, 2, 3, 4", now).getResultList()) {
            long n = ((Number) row[4]).longValue();
            byKind.merge(String.valueOf(row[0]), n, Long::sum);
            fieldCounts.merge(String.valueOf(row[1]), n, Long::sum);
            byMode.merge((String) row[2], n, Long::sum);
            keyItems += Boolean.TRUE.equals(row[3]) ? n : 0;
            total += n;
        }
        Map<String, Long> byProposerKind = new TreeMap<>(Map.of("DEPUTY", 0L, "CPPCC_MEMBER", 0L, "GROUP", 0L));
        for (Object[] row : (List<Object[]>) sel.query(em, "select " + PROPOSER_KIND + ", count(*) from "
                + sel.table("item") + " i where " + sel.items() + " group by 1", now).getResultList()) {
            byProposerKind.merge(String.valueOf(row[0]), ((Number) row[1]).longValue(), Long::sum);
        }
        Map<String, Long> byState = new LinkedHashMap<>();
        for (String state : List.of("REGISTERED", "ASSIGNED", "OVERDUE", "REPLIED")) {
            byState.put(state, 0L);
        }
        Map<String, Long> unitsPerItem = new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        int maxUnits = 0;
        long multiUnit = 0;
        Map<String, long[]> delegations = new TreeMap<>();
        Map<String, long[]> leaders = new TreeMap<>();
        // A group proposal's proposer is the group (issue 14), so it counts under the group's name.
        for (Object[] row : (List<Object[]>) sel.query(em, "select units, state, delegation, leader, count(*) from "
                + "(select i.submission_id, coalesce(i.group_name, i.delegation, '" + NO_DELEGATION + "') as delegation, "
                + "case when i.key_item then coalesce(i.leading_official, '" + NO_LEADER + "') end as leader, "
                + "count(p.unit_id) filter (where p.assigned_at is not null and not p.reassigned_away) as units, "
                + "case when count(*) filter (where " + REPLYING + " and p.assigned_at is not null and not p.reassigned_away) > 0 "
                + " and count(*) filter (where " + REPLYING + " and p.assigned_at is not null and not p.reassigned_away "
                + "   and p.replied_at is null) = 0 then 'REPLIED' "
                + " when count(*) filter (where " + REPLYING + " and p.assigned_at is not null and not p.reassigned_away "
                + "   and p.replied_at is null and (p.overdue_at is not null or " + DUE + " < :now)) > 0 then 'OVERDUE' "
                + " when count(*) filter (where p.assigned_at is not null and not p.reassigned_away) > 0 then 'ASSIGNED' "
                + " else 'REGISTERED' end as state "
                + "from " + sel.table("item") + " i left join " + sel.table("unit_part") + " p on p.submission_id = i.submission_id "
                + "where " + sel.items() + " group by i.submission_id) x group by 1, 2, 3, 4", now).getResultList()) {
            int units = ((Number) row[0]).intValue();
            long n = ((Number) row[4]).longValue();
            unitsPerItem.merge(String.valueOf(units), n, Long::sum);
            byState.merge((String) row[1], n, Long::sum);
            maxUnits = Math.max(maxUnits, units);
            multiUnit += units >= 2 ? n : 0;
            long replied = "REPLIED".equals(row[1]) ? n : 0;
            count(delegations, (String) row[2], n, replied);
            if (row[3] != null) {
                count(leaders, (String) row[3], n, replied);
            }
        }
        // 并案: the items merged into the counted ones; each is answered by its host's reply, not counted again.
        long mergedItems = ((Number) sel.query(em, "select count(*) from " + sel.table("item") + " m where m.merged_into in "
                + "(select i.submission_id from " + sel.table("item") + " i where " + sel.items() + ")", now)
                .getSingleResult()).longValue();
        String parts = " from " + sel.table("unit_part") + " p join " + sel.table("item") + " i on i.submission_id = p.submission_id"
                + " left join " + RATINGS.formatted(sel.table("evaluation"), sel.table("item"))
                + " ev on ev.submission_id = p.submission_id and ev.unit_id = p.unit_id"
                + " left join " + EVERY_RATING.formatted(sel.table("evaluation"))
                + " er on er.submission_id = p.submission_id and er.unit_id = p.unit_id where " + sel.items() + " and p.assigned_at is not null"
                + " and not p.reassigned_away" + sel.parts();
        // Every part belongs to one unit, so the selection's figures are the units' added up (the maximum
        // of overdue days excepted): one pass over the parts instead of two.
        long[] overall = new long[30];
        List<UnitFigures> units = new ArrayList<>();
        for (Object[] row : (List<Object[]>) sel.query(em, "select p.unit_id, max(p.unit_name), " + REPLY_AGGREGATES
                + parts + " group by p.unit_id order by p.unit_id", now).getResultList()) {
            long[] v = longs(row, 2);
            add(overall, v);
            units.add(new UnitFigures(((Number) row[0]).longValue(), (String) row[1], v[21], v[22], v[23],
                    replies(v, decimals)));
        }
        List<String> fields = new ArrayList<>(fieldCounts.keySet());
        Map<String, String> names = FieldNames.of(em, sel.table("item"));
        List<Share> byField = shares(fields, fields.stream().map(fieldCounts::get).toList(), decimals,
                code -> Labels.field(code, names));
        long assigned = byState.get("ASSIGNED") + byState.get("OVERDUE") + byState.get("REPLIED");
        return new Statistics(f.describe(), now, Percent.RULE.formatted(decimals), total, byKind, byField, byMode,
                byState, keyItems, unitsPerItem, maxUnits, replies(overall, decimals), units, assigned,
                byState.get("REPLIED"), multiUnit, Percent.rate(multiUnit, assigned, decimals),
                groups(delegations, decimals), groups(leaders, decimals), mergedItems,
                byProposerKind);
    }

    /** Adds a unit's reply aggregates to the selection's (the maximum of overdue days excepted: the larger). */
    static void add(long[] overall, long[] unit) {
        for (int i = 0; i < unit.length; i++) {
            overall[i] = i == MAX_DAYS ? Math.max(overall[i], unit[i]) : overall[i] + unit[i];
        }
    }

    static void count(Map<String, long[]> groups, String name, long items, long replied) {
        long[] g = groups.computeIfAbsent(name, k -> new long[2]);
        g[0] += items;
        g[1] += replied;
    }

    /** Largest first (equal ones by name), each share of the groups' sum rounded on its own. */
    static List<Group> groups(Map<String, long[]> groups, int decimals) {
        List<String> names = new ArrayList<>(groups.keySet());
        names.sort(Comparator.comparingLong((String n) -> -groups.get(n)[0]).thenComparing(Comparator.naturalOrder()));
        List<BigDecimal> shares = Percent.shares(names.stream().map(n -> groups.get(n)[0]).toList(), decimals);
        List<Group> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long[] g = groups.get(names.get(i));
            result.add(new Group(names.get(i), g[0], g[1], shares.get(i)));
        }
        return result;
    }

    static Replies replies(long[] v, int d) {
        long assigned = v[0];
        long replied = v[1];
        long onTime = v[2];
        long openPastDue = v[3];
        List<Share> byClass = shares(List.of("A", "B", "C", "D"), List.of(v[7], v[8], v[9], v[10]), d,
                Labels.CLASSES::get);
        long evaluated = v[13] + v[14] + v[15];
        return new Replies(assigned, replied, Percent.rate(replied, assigned, d), onTime, openPastDue,
                Percent.rate(onTime, replied + openPastDue, d), byClass, v[11], Percent.rate(v[11], replied, d), v[12],
                Percent.rate(v[12], replied, d), evaluated, v[13], v[14], v[15],
                Percent.rate(v[13] + v[14], evaluated, d), Percent.rate(v[13], evaluated, d), v[16], v[17], v[18],
                v[19], v[20], new Overdue(openPastDue + v[4], openPastDue, v[4], v[5], v[6]), v[24], v[25], v[26],
                Percent.rate(v[25], v[24] + v[26], d), ratings(v[27], v[28], v[29], d));
    }

    private static Ratings ratings(long satisfied, long basic, long unsatisfied, int d) {
        long all = satisfied + basic + unsatisfied;
        return new Ratings(all, satisfied, basic, unsatisfied, Percent.rate(satisfied + basic, all, d),
                Percent.rate(satisfied, all, d));
    }

    static List<Share> shares(List<String> codes, List<Long> counts, int decimals,
            Function<String, String> label) {
        List<java.math.BigDecimal> shares = Percent.shares(counts, decimals);
        List<Share> result = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            result.add(new Share(code, label.apply(code), counts.get(i),
                    shares.get(i)));
        }
        return result;
    }

    static long[] longs(Object[] row, int from) {
        long[] v = new long[row.length - from];
        for (int i = from; i < row.length; i++) {
            v[i - from] = row[i] == null ? 0 : ((Number) row[i]).longValue();
        }
        return v;
    }
}
