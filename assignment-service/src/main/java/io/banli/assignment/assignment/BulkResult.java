package io.banli.assignment.assignment;

/** How many submissions a bulk pre-assignment pre-assigned. */
public record BulkResult(int preAssigned) {
}
