package io.banli.assignment.assignment;

import java.util.List;

public record SessionAssignment(long sessionId, List<Long> assigned, List<Long> waitingForAdjustment) {
}
