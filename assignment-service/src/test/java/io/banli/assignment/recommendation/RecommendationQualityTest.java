package io.banli.assignment.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The measured quality of unit recommendation on the evaluation set: learn from the earlier sessions, recommend
 * for every item of the latest one, compare with the lead unit the office chose. The figures are in the README;
 * this test fails when a change makes them worse.
 */
class RecommendationQualityTest {

    static final long SEED = 20250120L;

    @Test
    void recommendsTheTrueLeadUnitAmongTheFirstThree() {
        List<EvaluationSet.Item> items = EvaluationSet.generate(SEED);
        List<Precedent> past = items.stream().filter(i -> i.session() < EvaluationSet.SESSIONS)
                .map(i -> new Precedent(i.id(), i.title(), i.field(), i.session(), (int) i.id(), "A",
                        List.of(i.leadUnit()), i.coUnits(), i.leftUnits()))
                .toList();
        List<EvaluationSet.Item> latest = items.stream().filter(i -> i.session() == EvaluationSet.SESSIONS).toList();
        Recommender recommender = new Recommender(PrecedentIndex.of(past));

        int top1 = 0;
        int top3 = 0;
        int covered = 0;
        for (EvaluationSet.Item item : latest) {
            List<Long> units = recommender.recommend(item.id(), item.title(), item.field()).leadUnits().stream()
                    .map(UnitScore::unitId).toList();
            covered += units.isEmpty() ? 0 : 1;
            top1 += !units.isEmpty() && units.get(0) == item.leadUnit() ? 1 : 0;
            top3 += units.subList(0, Math.min(3, units.size())).contains(item.leadUnit()) ? 1 : 0;
        }
        double n = latest.size();
        System.out.printf("evaluation set: %d items, %d past, %d tested: top-1 %.1f %%, top-3 %.1f %%, coverage %.1f %%%n",
                items.size(), past.size(), latest.size(), 100 * top1 / n, 100 * top3 / n, 100 * covered / n);
        assertThat(items).hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(top3 / n).as("top-3 accuracy").isGreaterThanOrEqualTo(0.898);
    }
}
