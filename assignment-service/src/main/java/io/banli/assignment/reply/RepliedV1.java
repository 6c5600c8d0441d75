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
        @Schema(nullable = true, description = "The reply's text, for publication (答复公开): only when the reply"
                + " is PUBLIC and the item not confidential, else null. Written by a unit, it may name a person"
                + " or a phone number: a consumer that publishes it masks personal data first.",
                example = "王建华代表：您提出的关于增加中小学课后服务供给的建议收悉，现答复如下……")
        String text,
        List<CommitmentRef> commitments, List<Long> recipientIds, Instant repliedAt) {
}
