package io.banli.assignment.evaluation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.assignment.evaluation.Evaluation.Rating;

/** Data of {@code banli.assignment.evaluated.v1}. */
public record EvaluatedV1(long submissionId, long assignmentId, long unitId, long replyId, int round,
        long memberId, @Schema(implementation = Rating.class) String rating, Instant evaluatedAt) {
}
