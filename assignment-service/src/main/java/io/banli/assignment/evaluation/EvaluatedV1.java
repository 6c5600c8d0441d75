package io.banli.assignment.evaluation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.assignment.evaluation.Evaluation.Rating;

/**
 * Data of {@code banli.assignment.evaluated.v1}.
 *
 * @param complete the round's evaluation is over: every member asked (the lead proposer and the signed
 *                 co-signers) has rated it, or this rating opened re-handling; until then the evaluation
 *                 window stays open for the others
 */
public record EvaluatedV1(long submissionId, long assignmentId, long unitId, long replyId, int round,
        long memberId, @Schema(implementation = Rating.class) String rating, Instant evaluatedAt,
        @Schema(description = "Every member asked has rated this round, or this rating opened re-handling: "
                + "the evaluation window is over") boolean complete) {
}
