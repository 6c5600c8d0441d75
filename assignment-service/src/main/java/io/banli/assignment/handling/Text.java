package io.banli.assignment.handling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The text of a co-unit's opinion or of a holding answer. */
public record Text(@NotBlank @Size(max = 50_000) String text) {
}
