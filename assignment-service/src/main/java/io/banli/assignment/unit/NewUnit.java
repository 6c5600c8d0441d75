package io.banli.assignment.unit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A handling unit the office adds. */
public record NewUnit(@NotBlank @Size(max = 100) String name, @NotNull UnitKind kind, @Valid Person liaison,
        @Valid Person head) {
}
