package io.banli.assignment.assignment;

public record BulkResult(int preAssigned) {
}
