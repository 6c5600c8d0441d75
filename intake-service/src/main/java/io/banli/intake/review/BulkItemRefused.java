package io.banli.intake.review;

/**
 * An item a bulk registration or refusal cannot take, and why; one such item and nothing is done. It travels in the
 * problem's {@code items} (deploy/docs/problems.md), so it is no component of the OpenAPI document of its own.
 */
public record BulkItemRefused(long submissionId, String reason) {
}
