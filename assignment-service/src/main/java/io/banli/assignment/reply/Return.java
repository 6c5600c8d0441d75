package io.banli.assignment.reply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Return(@NotBlank @Size(max = 2000) String reason) {
}
