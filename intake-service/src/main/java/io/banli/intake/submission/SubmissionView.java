package io.banli.intake.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A submission as the API shows it; {@code similar} is filled in only where the office registers, and not when it
 * asked for none (null: not looked for; an empty list: none found). {@code repliedAt}
 * comes from assignment's {@code replied} event: from then on the item can no longer be withdrawn.
 */
public record SubmissionView(Long id, Long sessionId, @Schema(nullable = true) Integer number,
        @Schema(nullable = true, description = "The standing committee's own number of an imported item (第N号 in "
                + "its list), printed on letters instead of `number`") Integer committeeNumber, SubmissionKind kind,
        String title, String body, String field, Long leadProposerId, List<CoSignerView> coSigners,
        @Schema(nullable = true) String groupName, boolean keyItem, @Schema(nullable = true) String leadingOfficial,
        boolean confidential, @Schema(nullable = true) Confidentiality confidentiality, SubmissionState state,
        @Schema(nullable = true) Instant coSignUntil, @Schema(nullable = true) Instant filedAt,
        @Schema(nullable = true) Instant registeredAt, @Schema(nullable = true) String refusalReason,
        @Schema(nullable = true) Disposition disposition, @Schema(nullable = true) Long mergedIntoId,
        @Schema(nullable = true) Instant withdrawnAt, @Schema(nullable = true) Instant repliedAt, long version,
        @Schema(nullable = true) List<SimilarItem> similar) {

    public record CoSignerView(long memberId, CoSigner.State state, @Schema(nullable = true) Instant signedAt) {
    }

    /** An item of this or an earlier session that reads alike, with a score from 0 (nothing alike) to 1. */
    public record SimilarItem(long id, long sessionId, String sessionName, Integer number, String title,
            SubmissionState state, double score) {
    }

    public static SubmissionView of(Submission s) {
        return of(s, null);
    }

    public static SubmissionView of(Submission s, List<SimilarItem> similar) {
        return of(s, coSignersOf(s.id), similar);
    }

    /**
     * One item's co-signers. Not the page's query with a list of one: Hibernate translates a query with a list
     * parameter again on every call (a fifth of a read's CPU in Flight Recorder), this one once.
     */
    public static List<CoSignerView> coSignersOf(long submissionId) {
        return CoSigner.<CoSigner>list("submissionId = ?1 order by memberId", submissionId).stream()
                .map(c -> new CoSignerView(c.memberId, c.state, c.signedAt)).toList();
    }

    /** The co-signers of each of these submissions (a page of a list) in one statement, by submission. */
    public static Map<Long, List<CoSignerView>> coSignersOf(Collection<Long> submissionIds) {
        Map<Long, List<CoSignerView>> bySubmission = new HashMap<>();
        if (!submissionIds.isEmpty()) {
            CoSigner.<CoSigner>list("submissionId in ?1 order by submissionId, memberId", submissionIds)
                    .forEach(c -> bySubmission.computeIfAbsent(c.submissionId, id -> new ArrayList<>())
                            .add(new CoSignerView(c.memberId, c.state, c.signedAt)));
        }
        return bySubmission;
    }

    public static SubmissionView of(Submission s, List<CoSignerView> coSigners, List<SimilarItem> similar) {
        return new SubmissionView(s.id, s.sessionId, s.number, s.committeeNumber, s.kind, s.title, s.body, s.field, s.leadProposerId,
                coSigners, s.groupName, s.keyItem, s.leadingOfficial, s.confidential, s.confidentiality, s.state,
                s.coSignUntil, s.filedAt, s.registeredAt, s.refusalReason, s.disposition, s.mergedIntoId,
                s.withdrawnAt, s.repliedAt, s.version, similar);
    }
}
