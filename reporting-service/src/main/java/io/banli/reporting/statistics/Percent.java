package io.banli.reporting.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rounding rule of every printed percentage. A rate is rounded half up. Shares of a whole are
 * rounded by the largest-remainder method, so the printed parts add up to exactly 100 % (seed 002's
 * hand-made report does not: its parts miss the whole).
 */
public final class Percent {

    /** The rule as printed next to the figures. */
    public static final String RULE = "百分比保留%d位小数；比率四舍五入；构成比例按最大余数法取整，各部分之和等于100%%";

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

    /**
     * Each count's share of their sum, in percent with the given decimals, adding up to exactly 100
     * (or all zero for an empty whole). Ties in the remainder go to the larger count, then to the
     * earlier position, so the result is deterministic.
     */
    public static List<BigDecimal> shares(List<Long> counts, int decimals) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        List<BigDecimal> result = new ArrayList<>();
        if (total == 0) {
            counts.forEach(c -> result.add(BigDecimal.ZERO.setScale(decimals)));
            return result;
        }
        BigInteger units = BigInteger.TEN.pow(decimals + 2); // 100 % in units of the last printed digit
        List<BigInteger> floors = new ArrayList<>();
        List<BigInteger> remainders = new ArrayList<>();
        BigInteger used = BigInteger.ZERO;
        for (long c : counts) {
            BigInteger[] qr = BigInteger.valueOf(c).multiply(units).divideAndRemainder(BigInteger.valueOf(total));
            floors.add(qr[0]);
            remainders.add(qr[1]);
            used = used.add(qr[0]);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(remainders::get).reversed()
                .thenComparing(Comparator.<Integer, Long>comparing(counts::get).reversed())
                .thenComparing(i -> i));
        int left = units.subtract(used).intValueExact();
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            floors.set(i, floors.get(i).add(BigInteger.ONE));
        }
        floors.forEach(f -> result.add(new BigDecimal(f, decimals)));
        return result;
    }
}
