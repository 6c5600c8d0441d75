package io.banli.supervision.calendar;

import java.time.LocalDate;
import java.util.List;

/** An answer of the arithmetic; {@code warnings} names any year counted without its calendar. */
public record WorkingDays(LocalDate from, LocalDate to, int workingDays, List<String> warnings) {
}
