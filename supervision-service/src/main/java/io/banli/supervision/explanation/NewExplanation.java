package io.banli.supervision.explanation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The text a unit files for a missed deadline. */
public record NewExplanation(@NotBlank @Size(max = 5000) String text) {
}
