package io.banli.supervision.rule;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A new version of a stage's rule; without kind or level it applies to all of them. */
public record RuleChange(
        Kind kind,
        Level level,
        @NotNull @Positive @Max(1000) Integer amount,
        @NotNull TimeUnit unit,
        @Positive @Max(1000) Integer extensionAmount,
        TimeUnit extensionUnit,
        @NotNull @Size(max = 5) List<@NotNull @Min(0) @Max(60) Integer> warningWorkingDays,
        @NotBlank @Size(max = 2000) String legalSource) {
}
