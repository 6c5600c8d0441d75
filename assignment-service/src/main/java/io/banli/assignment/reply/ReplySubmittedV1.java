package io.banli.assignment.reply;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.assignment.assignment.WorkflowEvents;

/** Data of {@code banli.assignment.reply-submitted.v1}. */
public record ReplySubmittedV1(long submissionId, long assignmentId, long unitId, long replyId, int round,
        @Schema(implementation = ResultClass.class) String resultClass,
        @Schema(description = WorkflowEvents.SHA256, pattern = WorkflowEvents.HEX64,
                example = WorkflowEvents.FINGERPRINT) String fingerprint,
        Instant submittedAt) {
}
