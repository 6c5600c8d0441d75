package io.banli.benchmarks;

import java.util.List;

/** The words of a benchmark filing's title and body, before they are joined into its text. */
record FilingWords(List<String> title, List<String> body) {
}
