package io.banli.supervision.calendar;

import java.util.List;

/** A year's loaded calendar: its version and listed days. */
public record CalendarView(int year, int version, List<CalendarUpload.Day> days) {
}
