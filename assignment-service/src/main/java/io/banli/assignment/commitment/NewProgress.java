package io.banli.assignment.commitment;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A unit's progress report on a commitment; 100 means fulfilled. */
public record NewProgress(@NotNull @Min(0) @Max(100) Integer percent, @NotBlank @Size(max = 2000) String note,
        @NotNull LocalDate progressedOn) {
}
