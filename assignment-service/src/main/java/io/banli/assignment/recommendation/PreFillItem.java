package io.banli.assignment.recommendation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One item of the bulk pre-assignment as the recommendation would fill it: the same fields as the items
 * of {@code POST /pre-assignments}, so the office edits and sends them back.
 */
public record PreFillItem(long submissionId, @Schema(enumeration = {"SOLE", "JOINT"}) String mode, long leadUnitId,
        List<Long> coUnitIds,
        @Schema(description = "the lead unit's score, for the office's review; ignored when sent back") double leadScore) {
}
