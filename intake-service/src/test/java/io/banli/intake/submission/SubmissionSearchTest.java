package io.banli.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which words a search must fold to lower case to find in any case (a pure rule, no database). */
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
}
