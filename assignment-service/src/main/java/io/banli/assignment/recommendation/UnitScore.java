package io.banli.assignment.recommendation;

import java.util.List;

/** A unit the neighbours point to, its share of their similarity (0…1) and the precedents that say so. */
record UnitScore(long unitId, double score, List<Neighbour> reasons) {
}
