package io.banli.reporting.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rounding rule of every printed percentage: each figure is rounded half up on its own, rates and
 * shares alike. A share is a property of its count, so equal counts always print equal shares; a reader
 * who checks one figure with a calculator finds the printed value. The price is that the printed shares
 * may miss 100 by at most half a last digit per part (50, 51, 50, 50 of 201 print 24.88 %, 25.37 %,
 * 24.88 %, 24.88 %, 100.01 % in all), which the printed rule says. The counts themselves always add up.
 */
public final class Percent {

    /** The rule as printed next to the figures. */
    public static final String RULE = "百分比保留%d位小数，每项单独四舍五入（件数相同的占比相同），"
            + "构成比例之和可能因取整与100%%略有出入";

    private Percent() {
    }

    /** numerator / denominator in percent, or null when there is nothing to divide by (not 0 %, not 100 %). */
    public static BigDecimal rate(long numerator, long denominator, int decimals) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP);
    }

    /** Each count's share of their sum, rounded on its own like a rate; all zero for an empty whole. */
    public static List<BigDecimal> shares(List<Long> counts, int decimals) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        return counts.stream().map(c -> total == 0 ? BigDecimal.ZERO.setScale(decimals) : rate(c, total, decimals))
                .toList();
    }

    /**
     * How far printed shares of a non-empty whole may miss 100 from rounding alone: half a last digit per
     * part. A larger gap means the parts do not belong to the whole.
     */
    public static BigDecimal roundingSlack(int parts, int decimals) {
        return BigDecimal.valueOf(5 * (long) parts, decimals + 1);
    }
}
