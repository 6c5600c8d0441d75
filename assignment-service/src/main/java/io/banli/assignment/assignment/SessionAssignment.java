package io.banli.assignment.assignment;

import java.util.List;

/** A session's confirmation: the submissions assigned, and those still waiting for an adjustment decision. */
public record SessionAssignment(long sessionId, List<Long> assigned, List<Long> waitingForAdjustment) {
}
