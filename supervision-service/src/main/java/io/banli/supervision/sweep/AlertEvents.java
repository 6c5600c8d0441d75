package io.banli.supervision.sweep;

import java.time.Instant;

/** What supervision tells the other services, on {@link #TOPIC}, keyed by submission id. */
public final class AlertEvents {

    public static final String TOPIC = "banli.supervision.alerts";
    public static final String OVERDUE = "banli.supervision.overdue.v1";

    private AlertEvents() {
    }

    /** A unit's deadline passed with the work not done. Raised once per deadline. */
    public record OverdueV1(long submissionId, long deadlineId, long assignmentId, long unitId, String stage,
            Instant dueAt, Instant detectedAt) {
    }
}
