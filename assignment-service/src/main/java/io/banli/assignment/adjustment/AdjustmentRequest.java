package io.banli.assignment.adjustment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AdjustmentRequest(@NotBlank @Size(max = 2000) String reason) {
}
