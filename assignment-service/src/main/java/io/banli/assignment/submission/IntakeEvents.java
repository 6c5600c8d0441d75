package io.banli.assignment.submission;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Our own reading of intake's events (tolerant reader: unknown fields are ignored). */
public final class IntakeEvents {

    public static final String TOPIC = "banli.intake.submissions";
    public static final String REGISTERED = "banli.intake.submission.registered.v1";
    public static final String WITHDRAWN = "banli.intake.submission.withdrawn.v1";
    public static final String MERGED = "banli.intake.submission.merged.v1";
    public static final String UPDATED = "banli.intake.submission.updated.v1";

    private IntakeEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubmissionRegistered(Long submissionId, Long sessionId, String sessionKind, String level,
            Integer year, Integer number, Integer committeeNumber, String kind, String title, String field, Proposer leadProposer,
            List<Long> coSignerIds, String groupName, Boolean keyItem, String leadingOfficial, Boolean confidential,
            Instant registeredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposer(Long memberId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Withdrawn(Long submissionId, Instant withdrawnAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Merged(Long submissionId, Long intoSubmissionId, Integer intoNumber, Integer number, String title,
            Long leadProposerId, List<Long> coSignerIds, Instant mergedAt) {
    }
}
