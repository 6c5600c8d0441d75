package io.banli.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How similar a title or a body must be for the prefix filter to probe for it (a pure rule, no database). */
class SimilarItemsReachTest {

    @Test
    void atLowScoresEachPartIsProbedForWhatItNeedsAlone() {
        // 0.6 t >= 0.2 and 0.4 b >= 0.2, less half a shown decimal for the rounding.
        assertThat(SimilarItems.reach(0.2, 0.6)).isCloseTo(0.1995 / 0.6, within(1e-9));
        assertThat(SimilarItems.reach(0.2, 0.4)).isCloseTo(0.1995 / 0.4, within(1e-9));
    }

    @Test
    void whereTheBodyCannotReachAloneBothPartsAreProbedAtTheScoreItselfSoNothingIsMissed() {
        // 0.6 t + 0.4 b >= s needs t >= s or b >= s: probing both at s finds every item above it.
        assertThat(SimilarItems.reach(0.5, 0.6)).isCloseTo(0.4995, within(1e-9));
        assertThat(SimilarItems.reach(0.5, 0.4)).isCloseTo(0.4995, within(1e-9));
        assertThat(SimilarItems.reach(1, 0.4)).isCloseTo(0.9995, within(1e-9));
    }

    @Test
    void theRuleChangesWhereTheBodyAloneNoLongerReaches() {
        assertThat(SimilarItems.reach(0.4, 0.4)).isCloseTo(0.3995 / 0.4, within(1e-9));
        assertThat(SimilarItems.reach(0.401, 0.4)).isCloseTo(0.4005, within(1e-9));
    }
}
