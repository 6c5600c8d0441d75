package io.banli.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The submissions the benchmarks file: titles and bodies whose words are distributed as in real text, so the
 * similar-items search meets the work real data gives it. A vocabulary of 5,000 two-character words is drawn by
 * Zipf's law (the k-th most common word k times rarer than the first): a few words are in nearly every body, most
 * in few. Every fifth filing takes up the topic of an earlier one (one title word changed, seven in ten body
 * words kept), so there are duplicates and precedents to find. The same n always gives the same text.
 *
 * <p>Why not a short word list: with 50 words every body shared its rarest bigrams with a third of all others,
 * so every registration compared itself with a third of everything filed before, a corpus no office has.
 */
final class Filings {

    private static final int VOCABULARY = 5_000;
    private static final String[] WORDS = new String[VOCABULARY];
    /** Cumulative Zipf weights of the words, for drawing one by binary search. */
    private static final double[] CUMULATIVE = new double[VOCABULARY];

    static {
        Random r = new Random(42);
        double sum = 0;
        for (int k = 0; k < VOCABULARY; k++) {
            WORDS[k] = new String(new char[] {commonCharacter(r), commonCharacter(r)});
            sum += 1.0 / (k + 1);
            CUMULATIVE[k] = sum;
        }
    }

    private Filings() {
    }

    /** The vocabulary's n most common words. */
    static List<String> commonest(int n) {
        return List.of(Arrays.copyOf(WORDS, n));
    }

    /** The JSON of {@code POST /submissions} for the n-th filing. */
    static String filing(int n, long session, long member) {
        return """
                {"kind": "SUGGESTION", "sessionId": %d, "title": "%s", "body": "%s", \
                "field": "SOCIAL_LIVELIHOOD", "leadProposerId": %d}""".formatted(session, title(n), body(n), member);
    }

    static String title(int n) {
        return "关于" + String.join("", words(n).title()) + "的建议";
    }

    static String body(int n) {
        return "建议" + String.join("", words(n).body()) + "。";
    }

    private static FilingWords words(int n) {
        Random r = new Random(n);
        if (n >= 5 && n % 5 == 0) {
            FilingWords earlier = words(r.nextInt(n));
            List<String> title = new ArrayList<>(earlier.title());
            title.set(r.nextInt(title.size()), word(r));
            List<String> body = new ArrayList<>(earlier.body().size());
            for (String word : earlier.body()) {
                body.add(r.nextDouble() < 0.7 ? word : word(r));
            }
            return new FilingWords(title, body);
        }
        return new FilingWords(draw(r, 3 + r.nextInt(2)), draw(r, 40 + r.nextInt(40)));
    }

    private static List<String> draw(Random r, int count) {
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(word(r));
        }
        return words;
    }

    private static String word(Random r) {
        int k = Arrays.binarySearch(CUMULATIVE, r.nextDouble() * CUMULATIVE[VOCABULARY - 1]);
        return WORDS[k >= 0 ? k : Math.min(-k - 1, VOCABULARY - 1)];
    }

    /** A character of the CJK Unified Ideographs block of the Basic Multilingual Plane. */
    private static char commonCharacter(Random r) {
        return (char) (0x4E00 + r.nextInt(0x9FA5 - 0x4E00));
    }
}
