package io.banli.assignment.assignment;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.banli.kit.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One unit's part in handling one submission. */
@Entity
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long unitId;

    @Enumerated(EnumType.STRING)
    public HandlingMode mode;

    @Enumerated(EnumType.STRING)
    public UnitRole role;

    @Enumerated(EnumType.STRING)
    public AssignmentState state;

    public Instant preAssignedAt;

    /** The formal assignment: the legal clock's start. Empty while only pre-assigned. */
    public Instant assignedAt;

    public String assignedBy;

    public String adjustmentReason;

    /** Supervision said the adjustment window passed: "not ours" can no longer be claimed. */
    public boolean adjustmentWindowClosed;

    /**
     * Supervision said the evaluation window of the current round passed: no member may rate its reply any more.
     * Until then every signed co-signer may rate, before or after the lead proposer.
     */
    public boolean evaluationWindowEnded;

    public Instant signedAt;

    /** 1, or 2 once re-handling started. */
    public int round = 1;

    /** Supervision raised an overdue alert on one of this part's deadlines. */
    public boolean overdue;

    public LocalDate extendedUntil;

    public Instant closedAt;

    @Version
    public long version;

    /** Moves to {@code next}, or refuses with 409 naming the state it is in. */
    public void moveTo(AssignmentState next, String action) {
        if (!state.canMoveTo(next)) {
            throw Problems.illegalTransition("The part of unit " + unitId + " in submission " + submissionId + " is "
                    + state + ": cannot " + action + ".");
        }
        state = next;
    }

    /**
     * Whether a member may still rate the current round's reply: it was sent and the round's evaluation window
     * is open, also after the lead proposer's rating closed the part (co-signers rate on their own).
     */
    public boolean awaitsEvaluation() {
        return state == AssignmentState.REPLIED || state == AssignmentState.CLOSED && !evaluationWindowEnded;
    }

    public boolean replies() {
        return role.replies();
    }
}
