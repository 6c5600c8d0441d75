package io.banli.reporting.followup;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One commitment (承诺事项) with its latest progress.
 *
 * @param overdue     not fulfilled and its day has passed (Asia/Shanghai)
 * @param overdueDays calendar days since the promised day, 0 unless overdue
 */
public record FollowUpCommitment(long commitmentId, @Schema(nullable = true) String unitName,
        @Schema(nullable = true) LocalDate promisedOn, int percent, boolean fulfilled,
        @Schema(nullable = true) LocalDate progressedOn, boolean overdue, long overdueDays) {
}
