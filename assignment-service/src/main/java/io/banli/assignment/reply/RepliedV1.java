package io.banli.assignment.reply;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.assignment.assignment.WorkflowEvents;

/** Data of {@code banli.assignment.replied.v1}: the reply was sent, to the proposer and signed co-signers. */
public record RepliedV1(long submissionId, long assignmentId, long unitId, long replyId, int version, int round,
        @Schema(implementation = ResultClass.class) String resultClass,
        @Schema(implementation = ResultClass.class, nullable = true,
                description = "The class the unit gave, when the office changed it; else null")
        String classChangedFrom,
        @Schema(description = WorkflowEvents.SHA256, pattern = WorkflowEvents.HEX64,
                example = WorkflowEvents.FINGERPRINT) String fingerprint,
        @Schema(implementation = Disclosure.class) String disclosure,
        List<CommitmentRef> commitments, List<Long> recipientIds, Instant repliedAt) {
}
