package io.banli.intake.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The proposer's written withdrawal, with the reason. */
public record Withdrawal(@NotNull Long version, @NotBlank @Size(max = 1000) String reason) {
}
