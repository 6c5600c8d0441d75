package io.banli.assignment.recommendation;

import java.util.List;

/**
 * The pre-fill of a session's bulk pre-assignment: every registered item not yet pre-assigned, either with a
 * recommended plan or listed as having no similar precedent (the office assigns those by hand).
 */
public record SessionPreFill(long sessionId, int precedentsConsidered, List<PreFillItem> items,
        List<Long> withoutRecommendation) {
}
