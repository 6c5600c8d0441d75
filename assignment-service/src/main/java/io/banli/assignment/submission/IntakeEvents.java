package io.banli.assignment.submission;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Our own reading of intake's events (tolerant reader: unknown fields are ignored). */
public final class IntakeEvents {

    public static final String TOPIC = "banli.intake.submissions";
    public static final String REGISTERED = "banli.intake.submission.registered.v1";

    private IntakeEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubmissionRegistered(Long submissionId, Long sessionId, Integer number, String kind, String title,
            String field, Proposer leadProposer, Instant registeredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposer(Long memberId, String name) {
    }
}
