package io.banli.assignment.evaluation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A rating of a sent reply, with an optional comment. */
public record NewEvaluation(@NotNull Evaluation.Rating rating, @Size(max = 2000) String comment) {
}
