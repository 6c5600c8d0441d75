package io.banli.reporting.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.reporting.ranking.Ranking.Entry;
import io.banli.reporting.ranking.Ranking.Measure;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.RolledUpStatistics;
import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.Statistics.UnitFigures;

/** Ranks the units of a selection from the same per-unit figures the statistics serve. */
@ApplicationScoped
public class Rankings {

    @Inject
    RolledUpStatistics statistics;

    public Ranking rank(Filter filter, Measure by, BigDecimal standard, int decimals) {
        Statistics s = statistics.compute(filter, decimals);
        return rank(s, by, standard);
    }

    public static Ranking rank(Statistics s, Measure by, BigDecimal standard) {
        Function<UnitFigures, BigDecimal> value = switch (by) {
            case ON_TIME_RATE -> u -> u.replies().onTimeRate();
            case UNIT_ON_TIME_RATE -> u -> u.replies().unitOnTimeRate();
            case SATISFACTION_RATE -> u -> u.replies().satisfactionRate();
            case OVERDUE_DAYS -> u -> BigDecimal.valueOf(u.replies().overdue().days());
        };
        Comparator<BigDecimal> better = by == Measure.OVERDUE_DAYS ? Comparator.naturalOrder() : Comparator.reverseOrder();
        // Only units that reply (sole, lead, split) are ranked: a co-unit has no reply of its own.
        List<UnitFigures> units = new ArrayList<>(s.units().stream().filter(u -> u.replies().assigned() > 0).toList());
        units.sort(Comparator.comparing(value, Comparator.nullsLast(better)).thenComparing(UnitFigures::unitId));
        List<Entry> entries = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < units.size(); i++) {
            UnitFigures u = units.get(i);
            BigDecimal v = value.apply(u);
            if (i == 0 || v == null || previous == null || v.compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = v;
            BigDecimal onTime = u.replies().onTimeRate();
            BigDecimal judged = by == Measure.UNIT_ON_TIME_RATE ? u.replies().unitOnTimeRate() : onTime;
            entries.add(new Entry(rank, u.unitId(), u.unitName(), v, u.replies().replied(), u.replies().openPastDue(),
                    onTime, u.replies().satisfactionRate(), u.replies().overdue().days(),
                    judged == null ? null : judged.compareTo(standard) >= 0, u.replies().unitOnTimeRate()));
        }
        return new Ranking(s.filter(), by, standard, judgedBy(by) + "达到" + standard.stripTrailingZeros().toPlainString()
                + "%为达标；" + s.roundingRule(), entries);
    }

    /** The name of the rate the standard judges, as printed. */
    public static String judgedBy(Measure by) {
        return by == Measure.UNIT_ON_TIME_RATE ? "单位按时报送率（单位在时限内向办公室报送答复）"
                : "按期办复率（答复在时限内发出）";
    }
}
