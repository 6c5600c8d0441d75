package io.banli.assignment.handling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Text(@NotBlank @Size(max = 50_000) String text) {
}
