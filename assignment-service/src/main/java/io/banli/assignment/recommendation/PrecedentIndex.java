package io.banli.assignment.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * An in-memory TF-IDF index over the bigrams of past items' titles: no external service, and a query
 * touches only the posting lists of its own terms, so one item is answered in well under a millisecond
 * over 100,000 precedents. Immutable: a changed history builds a new index.
 */
final class PrecedentIndex {

    /** Terms in more than this share of titles (改善, 建设 …) are skipped: they cost time and say little. */
    private static final double MAX_DOCUMENT_SHARE = 0.2;

    private final List<Precedent> precedents;
    private final Map<String, Integer> termIds = new HashMap<>();
    private final float[] idf;
    private final int[][] postingDocs;
    private final float[][] postingWeights;
    private final int maxDocuments;

    private PrecedentIndex(List<Precedent> precedents) {
        this.precedents = List.copyOf(precedents);
        int n = this.precedents.size();
        List<Map<Integer, Integer>> counts = new ArrayList<>(n);
        List<Integer> df = new ArrayList<>();
        for (Precedent p : this.precedents) {
            Map<Integer, Integer> tf = new HashMap<>();
            for (String term : TitleTerms.of(p.title(), p.field())) {
                int id = termIds.computeIfAbsent(term, t -> {
                    df.add(0);
                    return df.size() - 1;
                });
                tf.merge(id, 1, Integer::sum);
            }
            tf.keySet().forEach(id -> df.set(id, df.get(id) + 1));
            counts.add(tf);
        }
        idf = new float[df.size()];
        int[] fill = new int[df.size()];
        postingDocs = new int[df.size()][];
        postingWeights = new float[df.size()][];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = (float) Math.log(1.0 + (double) n / df.get(t));
            postingDocs[t] = new int[df.get(t)];
            postingWeights[t] = new float[df.get(t)];
        }
        for (int d = 0; d < n; d++) {
            Map<Integer, Integer> tf = counts.get(d);
            double norm = 0;
            for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
                double w = weight(e.getValue(), idf[e.getKey()]);
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
                int t = e.getKey();
                postingDocs[t][fill[t]] = d;
                postingWeights[t][fill[t]++] = (float) (weight(e.getValue(), idf[t]) / norm);
            }
        }
        maxDocuments = Math.max(50, (int) (n * MAX_DOCUMENT_SHARE));
    }

    static PrecedentIndex of(List<Precedent> precedents) {
        return new PrecedentIndex(precedents);
    }

    int size() {
        return precedents.size();
    }

    /** The {@code k} precedents most similar to the title, at least {@code minSimilarity}, most similar first. */
    List<Neighbour> nearest(String title, String field, long excludedSubmissionId, int k, double minSimilarity) {
        Map<Integer, Integer> tf = new HashMap<>();
        for (String term : TitleTerms.of(title, field)) {
            Integer id = termIds.get(term);
            if (id != null && postingDocs[id].length <= maxDocuments) {
                tf.merge(id, 1, Integer::sum);
            }
        }
        if (tf.isEmpty()) {
            return List.of();
        }
        double norm = 0;
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            double w = weight(e.getValue(), idf[e.getKey()]);
            norm += w * w;
        }
        norm = Math.sqrt(norm);
        float[] scores = new float[precedents.size()];
        int[] touched = new int[precedents.size()];
        int touchedCount = 0;
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            int t = e.getKey();
            float q = (float) (weight(e.getValue(), idf[t]) / norm);
            int[] docs = postingDocs[t];
            float[] weights = postingWeights[t];
            for (int i = 0; i < docs.length; i++) {
                if (scores[docs[i]] == 0f) {
                    touched[touchedCount++] = docs[i];
                }
                scores[docs[i]] += q * weights[i];
            }
        }
        PriorityQueue<Neighbour> best = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::similarity));
        for (int i = 0; i < touchedCount; i++) {
            int d = touched[i];
            Precedent p = precedents.get(d);
            if (scores[d] < minSimilarity || p.submissionId() == excludedSubmissionId) {
                continue;
            }
            if (best.size() < k) {
                best.add(new Neighbour(p, scores[d]));
            } else if (scores[d] > best.peek().similarity()) {
                best.poll();
                best.add(new Neighbour(p, scores[d]));
            }
        }
        List<Neighbour> nearest = new ArrayList<>(best);
        nearest.sort(Comparator.comparingDouble(Neighbour::similarity).reversed()
                .thenComparing(n -> n.precedent().submissionId()));
        return nearest;
    }

    /** Sub-linear term frequency: a bigram said twice is not twice the evidence. */
    private static double weight(int tf, float idf) {
        return (1 + Math.log(tf)) * idf;
    }
}
