package io.banli.intake.review;

import jakarta.validation.constraints.NotNull;

/** 并案: this item is handled together with another of the same session and kind. */
public record Merger(@NotNull Long version, @NotNull Long intoSubmissionId) {
}
