package io.banli.supervision.deadline;

/** GREEN: running; YELLOW: a warning has been raised; RED: overdue; none once met or closed. */
public enum Light {
    GREEN,
    YELLOW,
    RED
}
