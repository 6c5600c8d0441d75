package io.banli.assignment.reply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The office returns a submitted reply, saying why. */
public record Return(@NotBlank @Size(max = 2000) String reason) {
}
