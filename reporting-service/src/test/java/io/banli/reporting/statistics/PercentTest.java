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
    void equalCountsPrintEqualShares() {
        // issue 14: largest remainder printed 24.88, 25.37, 24.88, 24.87 for these four fields
        List<BigDecimal> shares = Percent.shares(List.of(50L, 51L, 50L, 50L), 2);
        assertThat(shares).isEqualTo(decimals("24.88", "25.37", "24.88", "24.88"));
        assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("rounding, stated in the rule")
                .isEqualByComparingTo("100.01");
        assertThat(Percent.shares(List.of(1L, 1L, 1L), 1)).isEqualTo(decimals("33.3", "33.3", "33.3"));
        assertThat(Percent.shares(List.of(1L, 1L, 2L, 4L), 0)).as("12.5, 12.5, 25, 50")
                .isEqualTo(decimals("13", "13", "25", "50"));
    }

    @Test
    void eachShareIsItsOwnCountRoundedHalfUp() {
        assertThat(Percent.shares(List.of(2L, 1L), 2)).isEqualTo(decimals("66.67", "33.33"));
        assertThat(Percent.shares(List.of(1L, 3L, 4L), 0)).as("12.5, 37.5, 50").isEqualTo(decimals("13", "38", "50"));
        // seed 004's fields: 149, 129, 147, 11 of 436
        assertThat(Percent.shares(List.of(149L, 129L, 147L, 11L), 1)).isEqualTo(decimals("34.2", "29.6", "33.7", "2.5"));
    }

    @Test
    void roundingAloneMissesOneHundredByAtMostHalfALastDigitPerPart() {
        assertThat(Percent.roundingSlack(4, 2)).isEqualTo(new BigDecimal("0.020"));
        assertThat(Percent.roundingSlack(3, 0)).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void anEmptyWholeHasNoShares() {
        assertThat(Percent.shares(List.of(0L, 0L), 1)).isEqualTo(decimals("0.0", "0.0"));
        assertThat(Percent.shares(List.of(), 1)).isEmpty();
    }
}
