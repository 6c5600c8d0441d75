package io.banli.intake.submission;

import java.util.Arrays;

/**
 * A word's bigram codes (V15's rule), all of them and its rare ones, as {@link SubmissionSearch} remembers them until
 * a moment.
 */
record WordCodes(int[] rare, int[] all, long until) {

    /** A word of one character: no bigram. */
    static final WordCodes NONE = new WordCodes(new int[0], new int[0], Long.MAX_VALUE);

    /** An array as PostgreSQL writes it, {} or {1,-2}. */
    static int[] parse(String array) {
        String inside = array.substring(1, array.length() - 1);
        return inside.isEmpty() ? new int[0] : Arrays.stream(inside.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
