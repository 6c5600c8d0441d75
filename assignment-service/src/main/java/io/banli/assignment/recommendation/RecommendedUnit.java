package io.banli.assignment.recommendation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit recommended for an item, with the precedents it handled in that role. */
public record RecommendedUnit(long unitId, String unitName,
        @Schema(description = "the unit's share of the similar precedents, weighted by similarity, 0…1") double score,
        List<PrecedentView> precedents) {
}
