package io.banli.supervision.notice;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A notice the office issues for a period; the on-time standard defaults to the configured one. */
public record NewNotice(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 200) String title,
        @DecimalMin("0") @DecimalMax("100") BigDecimal onTimeStandardPercent) {
}
