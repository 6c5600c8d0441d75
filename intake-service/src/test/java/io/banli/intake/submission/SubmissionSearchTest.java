package io.banli.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which words a search must fold to lower case to find in any case, and the keys of V22's index a word is looked up
 * by (pure rules, no database).
 */
class SubmissionSearchTest {

    @Test
    void wordsWithLettersOfTwoCasesAreFolded() {
        assertThat(SubmissionSearch.hasCase("wifi")).isTrue();
        assertThat(SubmissionSearch.hasCase("5G")).isTrue();
        assertThat(SubmissionSearch.hasCase("老旧小区Ⅱ")).isTrue();
        assertThat(SubmissionSearch.hasCase("Ωμέγα")).isTrue();
    }

    @Test
    void chineseWordsDigitsAndSignsAreComparedAsWritten() {
        assertThat(SubmissionSearch.hasCase("渡口")).isFalse();
        assertThat(SubmissionSearch.hasCase("2026年")).isFalse();
        assertThat(SubmissionSearch.hasCase("100%")).isFalse();
    }

    @Test
    void aWordsKeysAreItsCodesUnsignedWithTheSessionAbove() {
        // 渡口 as V15 codes it: both UTF-16 characters in one int, offset by 2^31; negative codes stay distinct keys.
        int ferry = ('渡' << 16 | '口') - Integer.MIN_VALUE;
        assertThat(SubmissionSearch.keys(new int[] {ferry, -1}, null)).isEqualTo("{" + Integer.toUnsignedLong(ferry)
                + ",4294967295}");
        assertThat(SubmissionSearch.keys(new int[] {ferry, -1}, 5L)).isEqualTo("{" + (5L * 4294967296L
                + Integer.toUnsignedLong(ferry)) + "," + (6L * 4294967296L - 1) + "}");
        assertThat(SubmissionSearch.keys(new int[0], 5L)).isEqualTo("{}");
    }

    @Test
    void codesAreReadAsPostgresqlWritesAnArray() {
        assertThat(WordCodes.parse("{}")).isEmpty();
        assertThat(WordCodes.parse("{-2147483648,7,2147483647}")).containsExactly(Integer.MIN_VALUE, 7,
                Integer.MAX_VALUE);
    }
}
