package io.banli.reporting.progress;

import java.time.Instant;
import java.util.List;

import io.banli.kit.http.Paged;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member's items as a portal shows them, in words that need no knowledge of Banli's services: the
 * {@link #stage}, who handles it, its deadlines, the replies and what the member may do next. A merged item
 * (stage MERGED) shows its host's handling.
 */
public record ProgressView(long id, long sessionId, Integer number, String title, String kind, String memberRole,
        String state, String stage, List<Unit> units, List<Deadline> deadlines, List<Reply> replies,
        List<Evaluation> evaluations, List<NextAction> nextActions,
        @Schema(nullable = true, description = "并案: the host item this one is handled with; units, deadlines, "
                + "replies and evaluations are the host's, and the member rates the host's reply") Long mergedIntoId) {

    @Schema(name = "ProgressUnit", description = "A unit handling the item, as the member's progress view shows it.")
    public record Unit(long unitId, String unitName, String role, Instant assignedAt, Instant signedAt) {
    }

    public record Deadline(long deadlineId, String stage, Long unitId, Instant dueAt, String state) {
    }

    /** {@code letterUrl} is a path of assignment-service (the official letter as PDF). */
    @Schema(name = "ProgressReply", description = "A reply to the item, as the member's progress view shows it.")
    public record Reply(long replyId, Long unitId, Integer round, String resultClass, String fingerprint,
            Instant repliedAt, String letterUrl, String disclosure) {
    }

    public record Evaluation(long replyId, Long unitId, Integer round, String rating, Instant evaluatedAt) {
    }

    /** {@code path} may be one of assignment-service's (evaluations); {@code until} is null when open-ended. */
    public record NextAction(String action, String method, String path, Instant until) {
    }

    @Schema(name = "ProgressPage", description = "One page of a member's progress view.")
    public record Page(List<ProgressView> items, int page, int size, long total) implements Paged {
        @Override
        public int pageSize() {
            return size;
        }
    }
}
