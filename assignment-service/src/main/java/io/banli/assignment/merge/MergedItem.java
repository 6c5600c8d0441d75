package io.banli.assignment.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 并案: an item handled as part of its host item. Kept from intake's merged event, with the merged item's
 * proposers: they receive the host's reply and rate it, as the host's co-signers do.
 */
@Entity
public class MergedItem extends PanacheEntityBase {

    /** intake's id of the merged item. */
    @Id
    public Long submissionId;

    /** The host item it is handled with. */
    public Long intoSubmissionId;

    /** Its own number (第N号); null when merged before registration. */
    public Integer number;

    public String title;

    public Long proposerId;

    public Long[] coSignerIds = new Long[0];

    public Instant mergedAt;

    /** The merged item's lead proposer and signed co-signers. */
    public List<Long> members() {
        List<Long> members = new ArrayList<>();
        if (proposerId != null) {
            members.add(proposerId);
        }
        members.addAll(Arrays.asList(coSignerIds));
        return members;
    }

    public boolean names(long memberId) {
        return members().contains(memberId);
    }

    /** The merged items whose proposer or signed co-signer the member is. */
    public static List<MergedItem> naming(long memberId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("select submission_id from merged_item "
                + "where proposer_id = ?1 or co_signer_ids @> array[cast(?1 as bigint)] order by submission_id")
                .setParameter(1, memberId).getResultList();
        return ids.stream().map(id -> MergedItem.<MergedItem>findById(id.longValue())).toList();
    }

    /** The items merged into the host, oldest merge first. */
    public static List<MergedItem> into(long hostId) {
        return list("intoSubmissionId = ?1 order by mergedAt, submissionId", hostId);
    }
}
