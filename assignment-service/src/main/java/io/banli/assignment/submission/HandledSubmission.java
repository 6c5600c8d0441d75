package io.banli.assignment.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.banli.assignment.merge.MergedItem;
import io.banli.kit.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * This service's copy of a registered submission, taken from intake's event: assignment never
 * calls intake, so it keeps working when intake is down.
 */
@Entity
public class HandledSubmission extends PanacheEntityBase {

    /** intake's submission id. */
    @Id
    public Long id;

    public Long sessionId;

    public String sessionKind;

    /** NATIONAL … TOWNSHIP: supervision's deadline rules may differ by level. */
    public String level;

    public Integer year;

    public int number;

    /** The standing committee's own number of an imported item (第N号 in its list); null when filed in Banli. */
    public Integer committeeNumber;

    public String kind;

    public String title;

    public String field;

    /** The lead proposer's public name, as printed on the reply. */
    public String leadProposer;

    public Long proposerId;

    /** Co-signers who signed before the cut-off: they get the reply and evaluate too. */
    public Long[] coSignerIds = new Long[0];

    public String groupName;

    public boolean keyItem;

    public String leadingOfficial;

    public boolean confidential;

    @Enumerated(EnumType.STRING)
    public SubmissionState state = SubmissionState.REGISTERED;

    public Instant registeredAt;

    public Instant closedAt;

    /** 并案: the host item this one is handled with; null unless MERGED. */
    public Long mergedIntoId;

    @Version
    public long version;

    /** The number people know and letters print: the committee's, when it gave one, else the session's. */
    public int printedNumber() {
        return committeeNumber != null ? committeeNumber : number;
    }

    /**
     * How the reply letter addresses the proposer: a group (集体提案) by its name, a person as 代表 or 委员. Intake names a
     * group that leads an item as the item's {@code groupName} too, so the two are equal exactly for a group's item
     * (an older item led by a member under a group label keeps the member as addressee).
     */
    public String addressee() {
        if (groupName != null && groupName.equals(leadProposer)) {
            return groupName;
        }
        return leadProposer + ("SUGGESTION".equals(kind) ? "代表" : "委员");
    }

    /** The proposer and the signed co-signers: who receives the reply and may evaluate it. */
    public boolean isProposerOrCoSigner(long memberId) {
        return Long.valueOf(memberId).equals(proposerId) || Arrays.asList(coSignerIds).contains(memberId);
    }

    /**
     * Who receives this item's reply and may rate it: its proposer and signed co-signers, and those of every item
     * merged into it (并案).
     */
    public boolean receivesReply(long memberId) {
        return isProposerOrCoSigner(memberId) || MergedItem.into(id).stream().anyMatch(m -> m.names(memberId));
    }

    /** Everyone {@link #receivesReply} names: the lead proposer first, then co-signers, then merged items'. */
    public List<Long> replyRecipients() {
        Set<Long> recipients = new LinkedHashSet<>();
        if (proposerId != null) {
            recipients.add(proposerId);
        }
        recipients.addAll(Arrays.asList(coSignerIds));
        MergedItem.into(id).forEach(m -> recipients.addAll(m.members()));
        return new ArrayList<>(recipients);
    }

    public static HandledSubmission require(long id) {
        return HandledSubmission.<HandledSubmission>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("submission", id));
    }
}
