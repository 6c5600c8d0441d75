package io.banli.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rounding rule of every printed percentage. */
class PercentTest {

    static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void aRateIsRoundedHalfUp() {
        assertThat(Percent.rate(1, 8, 0)).as("12.5").isEqualByComparingTo("13");
        assertThat(Percent.rate(3, 8, 0)).as("37.5").isEqualByComparingTo("38");
        assertThat(Percent.rate(1, 16, 1)).as("6.25").isEqualTo(new BigDecimal("6.3"));
        assertThat(Percent.rate(1, 3, 1)).isEqualTo(new BigDecimal("33.3"));
        assertThat(Percent.rate(2, 3, 2)).isEqualTo(new BigDecimal("66.67"));
        assertThat(Percent.rate(7, 7, 1)).isEqualTo(new BigDecimal("100.0"));
        assertThat(Percent.rate(0, 5, 1)).as("none of five is 0, with the decimals asked for")
                .isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void aRateWithNothingToDivideByIsNull() {
        assertThat(Percent.rate(0, 0, 1)).isNull();
    }

    @Test
    void sharesAddUpToExactlyOneHundred() {
        assertThat(Percent.shares(List.of(1L, 1L, 1L), 0)).isEqualTo(decimals("34", "33", "33"));
        assertThat(Percent.shares(List.of(1L, 1L, 1L), 1)).isEqualTo(decimals("33.4", "33.3", "33.3"));
        assertThat(Percent.shares(List.of(2L, 1L), 2)).isEqualTo(decimals("66.67", "33.33"));
        List<BigDecimal> sevenths = Percent.shares(List.of(1L, 3L, 3L), 0);
        assertThat(sevenths).as("14.29, 42.86, 42.86").isEqualTo(decimals("14", "43", "43"));
        assertThat(sevenths.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
    }

    @Test
    void aShareOfExactlyHalfARoundingStepGoesToTheLargerCountThenToTheEarlier() {
        // 12.5, 37.5 and 50: one percent is left to give, and both halves have the same remainder.
        assertThat(Percent.shares(List.of(1L, 3L, 4L), 0)).isEqualTo(decimals("12", "38", "50"));
        assertThat(Percent.shares(List.of(3L, 1L, 4L), 0)).isEqualTo(decimals("38", "12", "50"));
        // Equal counts with equal remainders: the earlier position wins.
        assertThat(Percent.shares(List.of(1L, 1L, 2L, 4L), 0)).as("12.5, 12.5, 25, 50")
                .isEqualTo(decimals("13", "12", "25", "50"));
    }

    @Test
    void anEmptyWholeHasNoShares() {
        assertThat(Percent.shares(List.of(0L, 0L), 1)).isEqualTo(decimals("0.0", "0.0"));
        assertThat(Percent.shares(List.of(), 1)).isEmpty();
    }
}
