package io.banli.assignment.reply;

public record Acceptance(ResultClass resultClass) {
}
