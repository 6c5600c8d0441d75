package io.banli.intake.submission;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A co-signer (联名人/附议人) of a submission: invited by the lead proposer, counted once signed. */
@Entity
@IdClass(CoSigner.Key.class)
public class CoSigner extends PanacheEntityBase {

    @Schema(name = "CoSignerState", description = "Where a co-signer's invitation stands.")
    public enum State {
        INVITED,
        SIGNED
    }

    /** The composite key: one row per submission and member. */
    public static class Key implements Serializable {
        public Long submissionId;
        public Long memberId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(submissionId, k.submissionId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, memberId);
        }
    }

    @Id
    public Long submissionId;

    @Id
    public Long memberId;

    @Enumerated(EnumType.STRING)
    public State state;

    public Instant invitedAt;

    public Instant signedAt;

    /** The co-signers who count: those who signed, in member order. */
    public static List<Long> signedOf(long submissionId) {
        return CoSigner.<CoSigner>list("submissionId = ?1 and state = ?2 order by memberId", submissionId, State.SIGNED)
                .stream().map(c -> c.memberId).toList();
    }
}
