package io.banli.supervision.deadline;

/** Alert levels: {@code YELLOW-n} is n working days before the deadline; RED is overdue. */
public final class AlertLevel {

    public static final String RED = "RED";
    public static final String YELLOW_PREFIX = "YELLOW-";

    private AlertLevel() {
    }
}
