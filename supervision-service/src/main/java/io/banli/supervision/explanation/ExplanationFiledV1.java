package io.banli.supervision.explanation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.supervision.rule.Stage;

/** Data of {@code banli.supervision.explanation-filed.v1}; the text stays in this service. */
public record ExplanationFiledV1(long submissionId, long deadlineId, long unitId,
        @Schema(implementation = Stage.class) String stage, Instant filedAt) {
}
