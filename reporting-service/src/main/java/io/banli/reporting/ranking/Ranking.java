package io.banli.reporting.ranking;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Units in order of one measure, with the office's standard (e.g. 85 % on time) marked. */
public record Ranking(String filter, Measure by, BigDecimal standard, String rule, List<Entry> units) {

    /**
     * What units are ranked by: higher rates first; fewer overdue days first. {@code UNIT_ON_TIME_RATE} is the
     * unit's timeliness (单位按时报送率: submitted to the office by the deadline), {@code ON_TIME_RATE} the
     * item's (按期办复率: sent to the proposer by the deadline).
     */
    public enum Measure { ON_TIME_RATE, SATISFACTION_RATE, OVERDUE_DAYS, UNIT_ON_TIME_RATE }

    /**
     * @param rank          equal values share a rank (1, 2, 2, 4); units without a value come last
     * @param meetsStandard whether the ranked timeliness (the unit's when ranked by it, else the item's on-time
     *                      rate) reaches the standard; null without a rate
     * @param unitOnTimeRate the unit's timeliness, 单位按时报送率
     */
    @Schema(name = "RankingEntry", description = "One unit's place in the ranking.")
    public record Entry(int rank, long unitId, String unitName, BigDecimal value, long replied, long openPastDue,
            BigDecimal onTimeRate, @Schema(nullable = true) BigDecimal satisfactionRate, long overdueDays,
            Boolean meetsStandard, @Schema(nullable = true) BigDecimal unitOnTimeRate) {
    }
}
