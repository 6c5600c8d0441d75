package io.banli.assignment.assignment;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One line of a bulk pre-assignment: the submission and its plan. */
public record PlannedItem(@NotNull Long submissionId, @NotNull HandlingMode mode, @NotNull Long leadUnitId,
        @Size(max = 50) List<@NotNull Long> coUnitIds) {
    Plan plan() {
        return new Plan(mode, leadUnitId, coUnitIds);
    }
}
