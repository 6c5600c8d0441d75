package io.banli.assignment.evaluation;

import java.time.Instant;

/** A proposer's or co-signer's rating of a sent reply. */
public record EvaluationView(Long id, Long replyId, Long unitId, int round, Long memberId,
        Evaluation.Rating rating, String comment, Instant evaluatedAt) {
    public static EvaluationView of(Evaluation e) {
        return new EvaluationView(e.id, e.replyId, e.unitId, e.round, e.memberId, e.rating, e.comment,
                e.evaluatedAt);
    }
}
