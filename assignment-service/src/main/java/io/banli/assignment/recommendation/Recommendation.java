package io.banli.assignment.recommendation;

import java.util.List;

/** The ranked lead and co-units for one item, best first; both empty when no precedent is similar enough. */
record Recommendation(List<UnitScore> leadUnits, List<UnitScore> coUnits) {
}
