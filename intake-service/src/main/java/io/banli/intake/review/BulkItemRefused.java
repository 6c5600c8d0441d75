package io.banli.intake.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item a bulk registration or refusal cannot take, and why; one such item and nothing is done. */
@Schema(name = "BulkItemRefused")
public record BulkItemRefused(long submissionId, String reason) {
}
