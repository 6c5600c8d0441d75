package io.banli.intake.handling;

import java.time.Instant;

/** Intake's own reading of the assignment events it needs (tolerant reader: unknown fields are ignored). */
final class AssignmentEvents {

    static final String ASSIGNED = "banli.assignment.assigned.v1";
    static final String REPLIED = "banli.assignment.replied.v1";

    private AssignmentEvents() {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Assigned(Long submissionId, Long unitId, String unitName, Instant assignedAt) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Replied(Long submissionId, Instant repliedAt) {
    }
}
