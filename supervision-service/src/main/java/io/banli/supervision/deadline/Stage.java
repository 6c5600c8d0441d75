package io.banli.supervision.deadline;

/** The stage a deadline is for. */
public enum Stage {
    /** The written reply to the proposer: 3 months after formal assignment by default. */
    REPLY
}
