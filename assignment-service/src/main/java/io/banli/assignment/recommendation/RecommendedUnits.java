package io.banli.assignment.recommendation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 智能交办: the units that handled the items most like this one, as lead (or sole) units and as co-units. */
public record RecommendedUnits(long submissionId, String title,
        @Schema(description = "past items the recommendation learned from") int precedentsConsidered,
        List<RecommendedUnit> leadUnits, List<RecommendedUnit> coUnits) {
}
