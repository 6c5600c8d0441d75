package io.banli.intake.submission;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.intake.member.GroupType;
import io.banli.intake.member.Member;
import io.banli.intake.member.MemberKind;
import io.banli.intake.session.SessionKind;
import io.banli.intake.session.SessionLevel;

/**
 * What intake tells the other services about submissions, on {@link #TOPIC}, keyed by submission id.
 * The shapes are the contract of the event catalogue: {@link SubmissionEventContract} publishes them as the
 * AsyncAPI document. No event carries contact data.
 */
public final class SubmissionEvents {

    public static final String TOPIC = "banli.intake.submissions";
    public static final String FILED = "banli.intake.submission.filed.v1";
    public static final String REGISTERED = "banli.intake.submission.registered.v1";
    public static final String REFUSED = "banli.intake.submission.refused.v1";
    public static final String MERGED = "banli.intake.submission.merged.v1";
    public static final String WITHDRAWN = "banli.intake.submission.withdrawn.v1";
    public static final String UPDATED = "banli.intake.submission.updated.v1";
    public static final String DRAFT_CHANGED = "banli.intake.submission.draft-changed.v1";

    // Examples in the AsyncAPI document: what a consumer's test starts from.
    private static final String TITLE = "关于加强老旧小区加装电梯工作的建议";
    private static final String FIELD = "URBAN_CONSTRUCTION_TRANSPORT";
    private static final String FIELD_NAME = "城建交通";
    private static final String FIELD_NAME_DOC = "The field's name in the taxonomy when the event was written (a field the "
            + "office added or renamed prints by it)";
    private static final String SESSION = "市十六届人大三次会议";
    private static final String GROUP = "Collective proposals (集体提案) only: the group leading it (the lead "
            + "proposer, kind GROUP), or the label of an older item led by a member";
    private static final String KEY_ITEM = "The leading official, key items only";
    private static final String COMMITTEE_NUMBER = "The standing committee's own number of an imported item (第N号 "
            + "in its list): the number letters print; null when the item was filed in Banli";

    private SubmissionEvents() {
    }

    /**
     * The proposer's public name and delegation (代表团/界别), never contact data. {@code kind} says whether a deputy, a
     * CPPCC member or a group (集体提案) files; a group's {@code groupType} says what body it is. Both were added
     * later: a consumer reading an older event finds them absent (a personal proposer, unless {@code groupName}).
     */
    public record Proposer(long memberId, @Schema(example = "王建华") String name,
            @Schema(example = "东城区代表团") String delegation,
            @Schema(description = "DEPUTY, CPPCC_MEMBER or GROUP (集体提案); absent in events before groups") MemberKind kind,
            @Schema(nullable = true, description = "A group's type; null for a person") GroupType groupType) {

        public static Proposer of(Member m) {
            return new Proposer(m.id, m.name, m.delegation, m.kind, m.groupType);
        }
    }

    /** Data of {@link #FILED}: only co-signers who signed before the cut-off are listed. */
    public record SubmissionFiledV1(long submissionId, long sessionId, SubmissionKind kind,
            @Schema(example = TITLE) String title, @Schema(example = FIELD) String field, Proposer leadProposer,
            List<Long> coSignerIds, @Schema(nullable = true, description = GROUP) String groupName,
            Instant filedAt,
            @Schema(description = "Marked confidential by the member or the office; absent in events before it was "
                    + "added (not confidential)") boolean confidential) {
    }

    /** A co-signer of a draft and where their invitation stands. */
    public record CoSignerStatus(long memberId, CoSigner.State status) {
    }

    /**
     * Data of {@link #DRAFT_CHANGED}: the whole pre-filing picture of a draft after each change (written, edited,
     * co-signers invited, a co-signer signed, withdrawn as a draft), so the read side shows a member their drafts
     * and invitations. Filing is announced by {@link #FILED}.
     */
    public record SubmissionDraftChangedV1(long submissionId, long sessionId, SubmissionKind kind,
            @Schema(example = TITLE) String title, Proposer leadProposer, List<CoSignerStatus> coSigners,
            @Schema(description = "DRAFT, or WITHDRAWN when the proposer withdrew the draft") SubmissionState state,
            boolean confidential,
            @Schema(nullable = true, description = "Until when invited co-signers may sign") Instant coSignUntil,
            Instant changedAt) {
    }

    /** Data of {@link #REGISTERED}: what assignment, supervision and reporting need to handle and count it. */
    public record SubmissionRegisteredV1(long submissionId, long sessionId,
            @Schema(example = SESSION) String sessionName, SessionKind sessionKind, SessionLevel level, int year,
            int number, @Schema(nullable = true, description = COMMITTEE_NUMBER) Integer committeeNumber,
            SubmissionKind kind, @Schema(example = TITLE) String title,
            @Schema(example = FIELD) String field, Proposer leadProposer, List<Long> coSignerIds,
            @Schema(nullable = true, description = GROUP) String groupName, boolean keyItem,
            @Schema(nullable = true, description = KEY_ITEM) String leadingOfficial, boolean confidential,
            Instant registeredAt, @Schema(example = FIELD_NAME, description = FIELD_NAME_DOC) String fieldName) {
    }

    /** Data of {@link #UPDATED}: the whole registered picture after the office changed it. */
    public record SubmissionUpdatedV1(long submissionId, long sessionId,
            @Schema(example = SESSION) String sessionName, SessionKind sessionKind, SessionLevel level, int year,
            Integer number, @Schema(nullable = true, description = COMMITTEE_NUMBER) Integer committeeNumber,
            SubmissionKind kind, @Schema(example = TITLE) String title,
            @Schema(example = FIELD) String field, Proposer leadProposer, List<Long> coSignerIds,
            @Schema(nullable = true, description = GROUP) String groupName, boolean keyItem,
            @Schema(nullable = true, description = KEY_ITEM) String leadingOfficial, boolean confidential,
            Instant registeredAt, Instant updatedAt,
            @Schema(example = FIELD_NAME, description = FIELD_NAME_DOC) String fieldName) {
    }

    public record SubmissionRefusedV1(long submissionId, long sessionId, String reason, Disposition disposition,
            Instant refusedAt) {
    }

    /**
     * 并案: the item is handled as part of the host item {@code intoSubmissionId}; its own handling stops, and its
     * proposer and signed co-signers receive the host's reply and rate it.
     */
    public record SubmissionMergedV1(long submissionId, long intoSubmissionId,
            @Schema(nullable = true, description = "The host item's number in its session (第N号), null while it is "
                    + "not registered") Integer intoNumber,
            @Schema(nullable = true, description = "The merged item's own number, null if it was merged before "
                    + "registration") Integer number,
            @Schema(example = TITLE) String title,
            @Schema(nullable = true, description = "The merged item's lead proposer (member id)") Long leadProposerId,
            @Schema(description = "The merged item's signed co-signers: they receive the host's reply too")
            List<Long> coSignerIds, Instant mergedAt) {
    }

    public record SubmissionWithdrawnV1(long submissionId, Instant withdrawnAt) {
    }
}
