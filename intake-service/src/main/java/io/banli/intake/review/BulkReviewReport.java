package io.banli.intake.review;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.intake.submission.SubmissionState;

/** What a bulk registration or refusal did: how many items, and the number each registered item got. */
@Schema(name = "BulkReviewReport")
public record BulkReviewReport(long sessionId, SubmissionState decision, int count,
        @Schema(nullable = true, description = "The first number given (registrations)") Integer firstNumber,
        @Schema(nullable = true, description = "The last number given (registrations)") Integer lastNumber,
        List<Item> items) {

    /** One item: its id, the session's number it got and the committee's number it carries, if any. */
    @Schema(name = "BulkReviewItem")
    public record Item(long submissionId, @Schema(nullable = true) Integer number,
            @Schema(nullable = true) Integer committeeNumber) {
    }
}
