package io.banli.assignment.evaluation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewEvaluation(@NotNull Evaluation.Rating rating, @Size(max = 2000) String comment) {
}
