package io.banli.intake.submission;

/** What becomes of an item refused registration (不予立案). */
public enum Disposition {
    /** Turned into a letter (转来信) to the competent department. */
    LETTER,
    /** Passed on as a public-opinion report (社情民意). */
    PUBLIC_OPINION
}
