package io.banli.assignment.commitment;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded progress report on a commitment. */
public record ProgressView(Long id, Long commitmentId, int percent, boolean fulfilled, String note,
        LocalDate progressedOn, Instant recordedAt) {
}
