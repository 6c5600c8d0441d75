package io.banli.intake.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.banli.intake.submission.Disposition;

/** The office refuses registration (不予立案), with the reason and what becomes of the item. */
public record Refusal(@NotNull Long version, @NotBlank @Size(max = 1000) String reason,
        @NotNull Disposition disposition) {
}
