package io.banli.supervision.calendar;

/** Fired in the transaction that replaced a year's days; observed after commit to recompute deadlines. */
public record CalendarChanged(int year) {
}
