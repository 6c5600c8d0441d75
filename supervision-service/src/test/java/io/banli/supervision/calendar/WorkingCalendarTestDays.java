package io.banli.supervision.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The 2025 calendar's New Year, Spring Festival, Labour Day and National Day, as the plain tests count on them. */
public final class WorkingCalendarTestDays {

    /** True: a day off (a holiday); false: a make-up working day on a weekend. */
    public static final Map<LocalDate, Boolean> DAYS_2025;

    static {
        Map<LocalDate, Boolean> days = new HashMap<>();
        days.put(LocalDate.of(2025, 1, 1), true);
        days.put(LocalDate.of(2025, 1, 26), false); // Sunday, a make-up working day
        for (LocalDate d = LocalDate.of(2025, 1, 28); !d.isAfter(LocalDate.of(2025, 2, 4)); d = d.plusDays(1)) {
            days.put(d, true);
        }
        days.put(LocalDate.of(2025, 2, 8), false); // Saturday, a make-up working day
        days.put(LocalDate.of(2025, 4, 27), false); // Sunday
        for (LocalDate d = LocalDate.of(2025, 5, 1); !d.isAfter(LocalDate.of(2025, 5, 5)); d = d.plusDays(1)) {
            days.put(d, true);
        }
        days.put(LocalDate.of(2025, 9, 28), false); // Sunday
        for (LocalDate d = LocalDate.of(2025, 10, 1); !d.isAfter(LocalDate.of(2025, 10, 8)); d = d.plusDays(1)) {
            days.put(d, true);
        }
        days.put(LocalDate.of(2025, 10, 11), false); // Saturday
        DAYS_2025 = Map.copyOf(days);
    }

    private WorkingCalendarTestDays() {
    }
}
