package io.banli.reporting.statistics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.reporting.statistics.Statistics.Share;
import io.banli.reporting.statistics.Statistics.UnitFigures;
import io.banli.reporting.tables.Target;

/**
 * The {@link Statistics} the API serves, read from the rollups {@link Rollups} keeps (a few thousand rows
 * however many items) instead of scanning the projection; {@link StatisticsQuery}'s scan is the definition they are
 * tested against. What depends on the clock is read by due day: days before today are past due, days after are
 * not, and the parts and items due today are read one by one and compared with the instant.
 */
@ApplicationScoped
public class RolledUpStatistics {

    /** The item sums' rows, today's open items (from their single rows) compared with now. */
    private static final String ITEMS = """
            select kind, field, mode, key_item, proposer_kind, delegation, leader, units, state, sum(n), sum(merged)
            from (select kind, field, mode, key_item, proposer_kind, delegation, leader, units,
                         case when state <> 'OPEN' then state when due_day < :today then 'OVERDUE' else 'ASSIGNED' end
                             as state, n, merged
                  from %4$sstat_item_sum where n > 0 and %1$s and %2$s and (state <> 'OPEN' or due_day <> :today)
                  union all
                  select kind, field, mode, key_item, proposer_kind, delegation, leader, units,
                         case when due_at < :now then 'OVERDUE' else 'ASSIGNED' end, 1, merged
                  from %4$sstat_item where state = 'OPEN' and cast(due_at at time zone 'Asia/Shanghai' as date) = :today
                   and %1$s and %3$s) r
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9""";
    /** The terms of StatisticsQuery's reply aggregates, in their order, from part sums with {@code past} known. */
    private static final String UNIT_FIGURES = String.join(", ", List.of("sum(assigned)", "sum(replied)", "sum(on_time)",
            "sum(case when past then open_n else 0 end)", "sum(late)",
            "sum(days_fixed + case when past then open_n * (:today - due_day) else alt_days end)",
            "max(greatest(max_fixed, case when past then case when open_n > 0 then :today - due_day end else max_alt end))",
            "sum(class_a)", "sum(class_b)", "sum(class_c)", "sum(class_d)", "sum(contacted)", "sum(met)",
            "sum(satisfied)", "sum(basic)", "sum(unsatisfied)", "sum(rehandled)", "sum(returned)", "sum(holding)",
            "sum(ext_requested)", "sum(ext_approved)", "sum(lead)", "sum(co)", "sum(split)", "sum(submitted)",
            "sum(unit_on_time)", "sum(case when past then unit_open_n else 0 end)", "sum(every_satisfied)",
            "sum(every_basic)", "sum(every_unsatisfied)"));
    private static final String PART_COLUMNS = "unit_id, unit_name, due_day, " + String.join(", ", Rollups.PART_SUMS)
            + ", max_fixed, max_alt";
    private static final String UNITS = "select unit_id, max(unit_name), " + UNIT_FIGURES + " from ("
            + "select " + PART_COLUMNS + ", due_day < :today as past from %3$sstat_part_sum"
            + " where parts > 0 and %1$s and %2$s and (due_day is null or due_day <> :today) union all "
            + "select " + PART_COLUMNS + ", due_at < :now from %3$sstat_part where due_day = :today and %1$s and %2$s"
            + ") r group by unit_id order by unit_id";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics compute(Filter f, int decimals) {
        return compute(f, decimals, clock.instant());
    }

    /** The figures as of {@code now}: what is past due is decided by it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics compute(Filter f, int decimals, Instant now) {
        return compute(f, decimals, now, Target.LIVE);
    }

    /** The figures as of {@code now} from one set of tables: a rebuild compares its fresh ones with the live ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Statistics compute(Filter f, int decimals, Instant now, Target target) {
        String prefix = target.table("");
        RollupSelection sel = RollupSelection.of(f);
        Map<String, Long> byKind = new TreeMap<>(Map.of("SUGGESTION", 0L, "PROPOSAL", 0L));
        Map<String, Long> fieldCounts = new TreeMap<>();
        Map<String, Long> byMode = new TreeMap<>();
        Map<String, Long> byProposerKind = new TreeMap<>(Map.of("DEPUTY", 0L, "CPPCC_MEMBER", 0L, "GROUP", 0L));
        Map<String, Long> byState = new LinkedHashMap<>();
        for (String state : List.of("REGISTERED", "ASSIGNED", "OVERDUE", "REPLIED")) {
            byState.put(state, 0L);
        }
        Map<String, Long> unitsPerItem = new TreeMap<>(
                (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        Map<String, long[]> delegations = new TreeMap<>();
        Map<String, long[]> leaders = new TreeMap<>();
        long total = 0;
        long keyItems = 0;
        int maxUnits = 0;
        long multiUnit = 0;
        long mergedItems = 0;
        for (Object[] row : (List<Object[]>) sel.query(em, ITEMS.formatted(sel.dims(), sel.itemScope(),
                sel.factScope(), prefix), now).getResultList()) {
            long n = ((Number) row[9]).longValue();
            byKind.merge(String.valueOf(row[0]), n, Long::sum);
            fieldCounts.merge(String.valueOf(row[1]), n, Long::sum);
            byMode.merge((String) row[2], n, Long::sum);
            keyItems += Boolean.TRUE.equals(row[3]) ? n : 0;
            total += n;
            byProposerKind.merge(String.valueOf(row[4]), n, Long::sum);
            int units = ((Number) row[7]).intValue();
            unitsPerItem.merge(String.valueOf(units), n, Long::sum);
            byState.merge((String) row[8], n, Long::sum);
            maxUnits = Math.max(maxUnits, units);
            multiUnit += units >= 2 ? n : 0;
            long replied = "REPLIED".equals(row[8]) ? n : 0;
            StatisticsQuery.count(delegations, (String) row[5], n, replied);
            if (row[6] != null) {
                StatisticsQuery.count(leaders, (String) row[6], n, replied);
            }
            mergedItems += ((Number) row[10]).longValue();
        }
        long[] overall = new long[30];
        List<UnitFigures> units = new ArrayList<>();
        for (Object[] row : (List<Object[]>) sel.query(em, UNITS.formatted(sel.dims(), sel.parts(), prefix), now)
                .getResultList()) {
            long[] v = StatisticsQuery.longs(row, 2);
            StatisticsQuery.add(overall, v);
            units.add(new UnitFigures(((Number) row[0]).longValue(), (String) row[1], v[21], v[22], v[23],
                    StatisticsQuery.replies(v, decimals)));
        }
        List<String> fields = new ArrayList<>(fieldCounts.keySet());
        Map<String, String> names = FieldNames.of(em, target.table("item"), fields);
        List<Share> byField = StatisticsQuery.shares(fields, fields.stream().map(fieldCounts::get).toList(), decimals,
                code -> Labels.field(code, names));
        long assigned = byState.get("ASSIGNED") + byState.get("OVERDUE") + byState.get("REPLIED");
        return new Statistics(f.describe(), now, Percent.RULE.formatted(decimals), total, byKind, byField, byMode,
                byState, keyItems, unitsPerItem, maxUnits, StatisticsQuery.replies(overall, decimals), units, assigned,
                byState.get("REPLIED"), multiUnit, Percent.rate(multiUnit, assigned, decimals),
                StatisticsQuery.groups(delegations, decimals), StatisticsQuery.groups(leaders, decimals), mergedItems,
                byProposerKind);
    }
}
