package io.banli.assignment.adjustment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The office's decision on a unit's adjustment request: keep the unit, or reassign the part. */
public record AdjustmentDecision(@NotNull Long unitId, @NotNull AdjustmentService.Decision decision,
        Long newUnitId, @NotBlank @Size(max = 2000) String reason) {
}
