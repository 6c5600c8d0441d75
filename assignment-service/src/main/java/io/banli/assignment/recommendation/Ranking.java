package io.banli.assignment.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the nearest precedents into ranked units: a unit's score is the similarity of the precedents it
 * handled, as a share of all the neighbours' similarity. A precedent re-assigned away from a unit counts
 * against that unit: the office once said "not this one" for such an item.
 */
final class Ranking {

    private Ranking() {
    }

    static List<UnitScore> leadUnits(List<Neighbour> neighbours, int maxUnits, int maxReasons) {
        return rank(neighbours, Precedent::leadUnits, maxUnits, maxReasons);
    }

    static List<UnitScore> coUnits(List<Neighbour> neighbours, int maxUnits, int maxReasons) {
        return rank(neighbours, Precedent::coUnits, maxUnits, maxReasons);
    }

    private static List<UnitScore> rank(List<Neighbour> neighbours, Function<Precedent, List<Long>> units,
            int maxUnits, int maxReasons) {
        double total = 0;
        Map<Long, Double> scores = new LinkedHashMap<>();
        Map<Long, List<Neighbour>> reasons = new LinkedHashMap<>();
        for (Neighbour n : neighbours) {
            double weight = n.similarity() * n.similarity();
            total += weight;
            for (Long unit : units.apply(n.precedent())) {
                scores.merge(unit, weight, Double::sum);
                reasons.computeIfAbsent(unit, u -> new ArrayList<>()).add(n);
            }
        }
        for (Neighbour n : neighbours) {
            for (Long left : n.precedent().leftUnits()) {
                scores.computeIfPresent(left, (u, s) -> s - n.similarity() * n.similarity());
            }
        }
        List<UnitScore> ranked = new ArrayList<>();
        for (Map.Entry<Long, Double> e : scores.entrySet()) {
            if (e.getValue() > 0) {
                List<Neighbour> why = reasons.get(e.getKey());
                ranked.add(new UnitScore(e.getKey(), Math.round(e.getValue() / total * 1000) / 1000.0,
                        List.copyOf(why.subList(0, Math.min(maxReasons, why.size())))));
            }
        }
        ranked.sort(Comparator.comparingDouble(UnitScore::score).reversed().thenComparing(UnitScore::unitId));
        return ranked.size() > maxUnits ? List.copyOf(ranked.subList(0, maxUnits)) : ranked;
    }
}
