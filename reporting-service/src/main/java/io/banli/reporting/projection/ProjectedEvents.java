package io.banli.reporting.projection;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Reporting's own reading of the events it projects (tolerant reader: unknown fields are ignored). */
final class ProjectedEvents {

    static final String REGISTERED = "banli.intake.submission.registered.v1";
    static final String ASSIGNED = "banli.assignment.assigned.v1";
    static final String REPLY_SUBMITTED = "banli.assignment.reply-submitted.v1";
    static final String OVERDUE = "banli.supervision.overdue.v1";

    private ProjectedEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(Long submissionId, Long sessionId, String kind, String field, Instant registeredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Assigned(Long submissionId, Long unitId, String role, Instant assignedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReplySubmitted(Long submissionId, Long unitId, String resultClass, Instant submittedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Overdue(Long submissionId, Long unitId, Instant detectedAt) {
    }
}
