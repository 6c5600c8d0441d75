package io.banli.reporting.ranking;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Units in order of one measure, with the office's standard (e.g. 85 % on time) marked. */
public record Ranking(String filter, Measure by, BigDecimal standard, String rule, List<Entry> units) {

    /** What units are ranked by: higher rates first; fewer overdue days first. */
    public enum Measure { ON_TIME_RATE, SATISFACTION_RATE, OVERDUE_DAYS }

    /**
     * @param rank          equal values share a rank (1, 2, 2, 4); units without a value come last
     * @param meetsStandard whether the unit's on-time rate reaches the standard; null without a rate
     */
    @Schema(name = "RankingEntry", description = "One unit's place in the ranking.")
    public record Entry(int rank, long unitId, String unitName, BigDecimal value, long replied, long openPastDue,
            BigDecimal onTimeRate, @Schema(nullable = true) BigDecimal satisfactionRate, long overdueDays,
            Boolean meetsStandard) {
    }
}
