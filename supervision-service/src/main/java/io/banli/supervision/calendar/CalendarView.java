package io.banli.supervision.calendar;

import java.util.List;

public record CalendarView(int year, int version, List<CalendarUpload.Day> days) {
}
