package io.banli.assignment.extension;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A unit's extension request: the date it asks for and why. */
public record NewRequest(@NotNull LocalDate until, @NotBlank @Size(max = 2000) String reason) {
}
