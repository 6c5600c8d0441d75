package io.banli.assignment.assignment;

import java.util.Map;
import java.util.Set;

/**
 * A unit's handling state, and the one place that says which transition is allowed from which
 * state. Everything else asks here and refuses with 409 naming the current state otherwise.
 */
public enum AssignmentState {
    /** 预交办: proposed to the unit; it may object within the adjustment window. */
    PRE_ASSIGNED,
    /**
     * 申请调整: the unit says "not ours" (after a pre-assignment, or after a formal or direct assignment, within
     * the adjustment window); the office decides. Kept, the part goes back to where it was.
     */
    ADJUSTMENT_REQUESTED,
    /** The office moved the part to another unit: this row is history. */
    REASSIGNED,
    /** 正式交办: the legal clock runs; the unit must sign for it. */
    ASSIGNED,
    /** 签收 done: the unit handles it (also after a returned reply). */
    HANDLING,
    /** A co-unit sent its opinion to the lead unit: its part is done. */
    OPINION_SENT,
    /** The signed reply waits for the office. */
    REPLY_SUBMITTED,
    /** The office sent the reply to the proposer; the evaluation is awaited. */
    REPLIED,
    /** 重办 after an unsatisfied evaluation. */
    REHANDLING,
    /** 办结. */
    CLOSED,
    /** The proposer withdrew the item. */
    WITHDRAWN,
    /** 并案: the item is handled as part of its host item; this part stopped where it stood. */
    MERGED;

    private static final Map<AssignmentState, Set<AssignmentState>> NEXT = Map.ofEntries(
            Map.entry(PRE_ASSIGNED, Set.of(ADJUSTMENT_REQUESTED, ASSIGNED, WITHDRAWN, MERGED)),
            Map.entry(ADJUSTMENT_REQUESTED, Set.of(PRE_ASSIGNED, ASSIGNED, HANDLING, REASSIGNED, WITHDRAWN, MERGED)),
            Map.entry(REASSIGNED, Set.of()),
            Map.entry(ASSIGNED, Set.of(ADJUSTMENT_REQUESTED, HANDLING, WITHDRAWN, MERGED)),
            Map.entry(HANDLING, Set.of(ADJUSTMENT_REQUESTED, OPINION_SENT, REPLY_SUBMITTED, WITHDRAWN, MERGED)),
            Map.entry(OPINION_SENT, Set.of(CLOSED, WITHDRAWN, MERGED)),
            Map.entry(REPLY_SUBMITTED, Set.of(HANDLING, REHANDLING, REPLIED, WITHDRAWN, MERGED)),
            Map.entry(REPLIED, Set.of(REHANDLING, CLOSED, WITHDRAWN, MERGED)),
            Map.entry(REHANDLING, Set.of(REPLY_SUBMITTED, WITHDRAWN, MERGED)),
            Map.entry(CLOSED, Set.of()),
            Map.entry(WITHDRAWN, Set.of()),
            Map.entry(MERGED, Set.of()));

    public boolean canMoveTo(AssignmentState next) {
        return NEXT.get(this).contains(next);
    }

    /** Still part of handling: not moved away, not over. */
    public boolean isLive() {
        return this != REASSIGNED && this != WITHDRAWN && this != CLOSED && this != MERGED;
    }
}
