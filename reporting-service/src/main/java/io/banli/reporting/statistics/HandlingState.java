package io.banli.reporting.statistics;

/**
 * Where a submission stands as a whole, for counting. Each submission is in exactly one state, so
 * the states add up to the total.
 */
public enum HandlingState {
    /** Registered, not yet assigned. */
    REGISTERED,
    /** Assigned; not every replying unit has replied, and none is overdue. */
    ASSIGNED,
    /** A replying unit is past its deadline without a reply. */
    OVERDUE,
    /** Every replying unit (sole, lead or split) has submitted its reply. */
    REPLIED
}
