package io.banli.assignment.submission;

/** Where a submission stands in handling as a whole; each unit's part has its own state. */
public enum SubmissionState {
    /** Registered by intake, waiting for the office's (pre-)assignment. */
    REGISTERED,
    /** 预交办: units proposed, the adjustment window is open, no legal clock yet. */
    PRE_ASSIGNED,
    /** 正式交办: the units' clocks run. */
    ASSIGNED,
    /** 办结. */
    CLOSED,
    /** The proposer withdrew it in writing; handling stopped. */
    WITHDRAWN,
    /** 并案: handled together with another item. */
    MERGED;

    public boolean isOver() {
        return this == CLOSED || this == WITHDRAWN || this == MERGED;
    }
}
