package io.banli.assignment.assignment;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param leadUnitId the SOLE unit, the LEAD unit of a JOINT assignment, or the first unit of a SPLIT one
 * @param coUnitIds  co-units (JOINT) or the other units (SPLIT); empty for SOLE
 */
public record Plan(@NotNull HandlingMode mode, @NotNull Long leadUnitId,
        @Size(max = 50) List<@NotNull Long> coUnitIds) {
}
