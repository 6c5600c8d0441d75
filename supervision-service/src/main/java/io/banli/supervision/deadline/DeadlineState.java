package io.banli.supervision.deadline;

public enum DeadlineState {
    /** Running. */
    OPEN,
    /** Passed without the work being done; the overdue alert has been raised. */
    OVERDUE,
    /** Done; {@code metOnTime} says whether before the due time. */
    MET,
    /** No longer owed: the item was closed or withdrawn, or the stage ended otherwise, before it was done. */
    CLOSED,
    /** A window (adjustment request, evaluation) that passed unused: not a fault of anyone. */
    EXPIRED
}
