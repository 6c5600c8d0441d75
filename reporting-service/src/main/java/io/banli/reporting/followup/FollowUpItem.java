package io.banli.reporting.followup;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One item of the earlier session that is followed up: handled as B class (正在解决或列入计划逐步解决) by at least one
 * replying unit, or promising a commitment.
 *
 * @param number      the session's own number (第N号), the one texts print
 * @param classes     the replying units' result classes, e.g. "B" or "A、B"
 */
public record FollowUpItem(long submissionId, @Schema(nullable = true) Integer number, String title,
        @Schema(nullable = true) String proposer, @Schema(nullable = true) String units,
        @Schema(nullable = true) String classes, boolean bClass, List<FollowUpCommitment> commitments) {
}
