package io.banli.supervision.rule;

/** How a rule counts its amount. */
public enum TimeUnit {
    /** On the working-day calendar (holidays skipped, make-up days counted). */
    WORKING_DAYS,
    /** Plain days; a last day that is not a working day moves to the next working day. */
    CALENDAR_DAYS,
    /**
     * Months from the start day; a month without that day ends on its last day (31 Jan + 1 month =
     * 28/29 Feb), and a last day that is not a working day moves to the next working day.
     */
    CALENDAR_MONTHS
}
