package io.banli.supervision.action;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** About an item, a unit, or a unit's part in an item: at least one of the two. */
public record NewAction(Long submissionId, Long unitId, @NotNull ActionKind kind,
        @NotBlank @Size(max = 5000) String note, @NotNull LocalDate takenOn) {
}
