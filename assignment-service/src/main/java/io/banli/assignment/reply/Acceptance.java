package io.banli.assignment.reply;

/** The office accepts a submitted reply, optionally changing its result class. */
public record Acceptance(ResultClass resultClass) {
}
