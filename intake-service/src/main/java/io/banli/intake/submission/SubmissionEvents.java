package io.banli.intake.submission;

import java.time.Instant;

/** What intake tells the other services about submissions, on {@link #TOPIC}, keyed by submission id. */
public final class SubmissionEvents {

    public static final String TOPIC = "banli.intake.submissions";
    public static final String REGISTERED = "banli.intake.submission.registered.v1";

    private SubmissionEvents() {
    }

    /** Data of {@link #REGISTERED}. Carries the proposer's public name and delegation, never contact data. */
    public record SubmissionRegisteredV1(
            long submissionId,
            long sessionId,
            String sessionName,
            int number,
            SubmissionKind kind,
            String title,
            Field field,
            Proposer leadProposer,
            Instant registeredAt) {
    }

    public record Proposer(long memberId, String name, String delegation) {
    }
}
