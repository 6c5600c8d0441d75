package io.banli.assignment.assignment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Many pre-assignments at once; all or nothing. */
public record BulkPreAssignment(@NotEmpty @Size(max = 5000) List<@Valid @NotNull PlannedItem> items) {
}
