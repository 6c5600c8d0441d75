package io.banli.supervision.notice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.kit.config.BanliConfig;
import io.banli.supervision.rule.Stage;
import io.banli.supervision.rule.StageNames;

/** Reads the deadlines due in a period and puts together what a notice says. */
@ApplicationScoped
public class NoticeBuilder {

    @Inject
    EntityManager em;

    @Inject
    BanliConfig banli;

    @SuppressWarnings("unchecked")
    public NoticeContent build(LocalDate from, LocalDate to, BigDecimal standardPercent, Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                select d.unit_id, coalesce(d.unit_name, (select max(o.unit_name) from deadline o
                                                           where o.unit_id = d.unit_id)),
                       d.submission_id, d.stage, d.due_at, d.state, d.met_on_time, d.met_at, e.id is not null,
                       coalesce(d.submission_number, (select max(o.submission_number) from deadline o
                                                      where o.submission_id = d.submission_id)),
                       d.commitment_id is null
                from deadline d left join overdue_explanation e on e.deadline_id = d.id
                where d.due_at >= :from and d.due_at < :to and d.state in ('MET', 'OVERDUE') and d.stage in (:duties)
                order by d.unit_id, d.due_at, d.submission_id""")
                .setParameter("from", from.atStartOfDay(banli.zone()).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(banli.zone()).toInstant())
                // Windows and the office's own decisions are nobody's lateness: only units' duties count.
                .setParameter("duties", Arrays.stream(Stage.values()).filter(Stage::unitDuty).map(Stage::name).toList())
                .getResultList();
        Map<Long, List<NoticeContent.LateItem>> late = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long unit = ((Number) row[0]).longValue();
            names.put(unit, (String) row[1]);
            boolean open = "OVERDUE".equals(row[5]);
            boolean onTime = !open && Boolean.TRUE.equals(row[6]);
            long[] count = counts.computeIfAbsent(unit, u -> new long[2]);
            count[0]++;
            if (onTime) {
                count[1]++;
                continue;
            }
            Instant due = instant(row[4]);
            Instant doneOrNow = open ? now : instant(row[7]);
            Stage stage = Stage.valueOf((String) row[3]);
            late.computeIfAbsent(unit, u -> new ArrayList<>()).add(new NoticeContent.LateItem(
                    ((Number) row[2]).longValue(), row[9] == null ? null : ((Number) row[9]).intValue(), stage.name(),
                    StageNames.of(stage, stage == Stage.COMMITMENT && Boolean.TRUE.equals(row[10])), due,
                    Math.max(1, Duration.between(due, doneOrNow).toDays() + 1), open, (Boolean) row[8]));
        }
        List<NoticeContent.LateUnit> lateUnits = late.entrySet().stream()
                .map(e -> new NoticeContent.LateUnit(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
        List<NoticeContent.Ranked> ranking = rank(counts, names, standardPercent);
        int items = lateUnits.stream().mapToInt(u -> u.items().size()).sum();
        return new NoticeContent(from, to, standardPercent, lateUnits, ranking, items);
    }

    private static List<NoticeContent.Ranked> rank(Map<Long, long[]> counts, Map<Long, String> names,
            BigDecimal standard) {
        record Rate(long unit, long due, long onTime, BigDecimal percent) {
        }
        List<Rate> rates = counts.entrySet().stream().map(e -> new Rate(e.getKey(), e.getValue()[0], e.getValue()[1],
                BigDecimal.valueOf(e.getValue()[1] * 100L).divide(BigDecimal.valueOf(e.getValue()[0]), 2,
                        RoundingMode.HALF_UP)))
                .sorted(Comparator.comparing(Rate::percent).reversed().thenComparing(Rate::unit)).toList();
        List<NoticeContent.Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            Rate r = rates.get(i);
            // Equal rates share a rank (1, 2, 2, 4), as published rankings do.
            int rank = i > 0 && r.percent().compareTo(rates.get(i - 1).percent()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new NoticeContent.Ranked(rank, r.unit(), names.get(r.unit()), r.due(), r.onTime(), r.percent(),
                    r.percent().compareTo(standard) < 0));
        }
        return ranked;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
