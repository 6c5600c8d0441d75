package io.banli.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which words a search must fold to lower case to find in any case, and which it may count by their pair alone
 * (pure rules, no database).
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
    void onlyTwoHanCharactersAreCountedByTheirPair() {
        assertThat(SubmissionSearch.twoHanCharacters("渡口")).isTrue();
        assertThat(SubmissionSearch.twoHanCharacters("〇〇")).isTrue();
        assertThat(SubmissionSearch.twoHanCharacters("渡")).isFalse();
        assertThat(SubmissionSearch.twoHanCharacters("渡口渔港")).isFalse();
        assertThat(SubmissionSearch.twoHanCharacters("5G")).isFalse();
        assertThat(SubmissionSearch.twoHanCharacters("渡，")).isFalse();
        assertThat(SubmissionSearch.twoHanCharacters("の口")).isFalse();
        // Outside the Basic Multilingual Plane a pair is hashed, and two such characters are four chars anyway.
        assertThat(SubmissionSearch.twoHanCharacters("\uD840\uDC00")).isFalse();
        assertThat(SubmissionSearch.twoHanCharacters("\uD840\uDC00\uD840\uDC01")).isFalse();
    }
}
