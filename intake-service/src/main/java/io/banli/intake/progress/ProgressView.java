package io.banli.intake.progress;

import java.time.Instant;
import java.util.List;

import io.banli.kit.http.Paged;

/**
 * A member's items as a portal shows them, in words that need no knowledge of Banli's services: the
 * {@link #stage}, who handles it, its deadlines, the replies and what the member may do next.
 */
public record ProgressView(long id, long sessionId, Integer number, String title, String kind, String memberRole,
        String state, String stage, List<Unit> units, List<Deadline> deadlines, List<Reply> replies,
        List<Evaluation> evaluations, List<NextAction> nextActions) {

    public record Unit(long unitId, String unitName, String role, Instant assignedAt, Instant signedAt) {
    }

    public record Deadline(long deadlineId, String stage, Long unitId, Instant dueAt, String state) {
    }

    /** {@code letterUrl} is a path of assignment-service (the official letter as PDF). */
    public record Reply(long replyId, Long unitId, Integer round, String resultClass, String fingerprint,
            Instant repliedAt, String letterUrl, String disclosure) {
    }

    public record Evaluation(long replyId, Long unitId, Integer round, String rating, Instant evaluatedAt) {
    }

    /** {@code path} may be one of assignment-service's (evaluations); {@code until} is null when open-ended. */
    public record NextAction(String action, String method, String path, Instant until) {
    }

    public record Page(List<ProgressView> items, int page, int size, long total) implements Paged {
        @Override
        public int pageSize() {
            return size;
        }
    }
}
