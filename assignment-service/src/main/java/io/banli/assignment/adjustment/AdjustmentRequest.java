package io.banli.assignment.adjustment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A unit says the item is not its own (申请调整), with its reason, within its adjustment window. */
public record AdjustmentRequest(@NotBlank @Size(max = 2000) String reason) {
}
