package io.banli.supervision.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Working-day arithmetic on the 2025 calendar's Spring Festival and National Day (holidays on weekdays,
 * make-up working days on weekends), without a database.
 */
class WorkingCalendarTest {

    final WorkingCalendar calendar = WorkingCalendar.of(WorkingCalendarTestDays.DAYS_2025, Set.of(2025));

    @Test
    void aListedDayIsAsListedAndAnyOtherFollowsTheWeek() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 27))).as("a plain Monday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 25))).as("a plain Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 28))).as("a holiday on a Tuesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).as("a make-up Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).as("a make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).as("a Thursday of an unloaded year").isTrue();
    }

    @Test
    void addingWorkingDaysSkipsHolidaysCountsMakeUpDaysAndNotTheStart() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 24), 1).value())
                .as("Friday + 1: the make-up Sunday").isEqualTo(LocalDate.of(2025, 1, 26));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 1).value())
                .as("the day before the festival + 1: the first day after it").isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 4).value())
                .as("5, 6, 7 and the make-up Saturday 8 February").isEqualTo(LocalDate.of(2025, 2, 8));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 28), 0).value())
                .as("0 working days: the day itself, even a holiday").isEqualTo(LocalDate.of(2025, 1, 28));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 4).certain()).isTrue();
    }

    @Test
    void subtractingWorkingDaysCountsBackwardsTheSameWay() {
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2025, 2, 5), 1).value())
                .isEqualTo(LocalDate.of(2025, 1, 27));
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2025, 2, 10), 1).value())
                .as("Monday - 1: the make-up Saturday").isEqualTo(LocalDate.of(2025, 2, 8));
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2025, 10, 9), 2).value())
                .as("back over National Day to the Tuesday before").isEqualTo(LocalDate.of(2025, 9, 29));
    }

    @Test
    void workingDaysBetweenCountTheDaysAfterTheStartUpToTheEnd() {
        // 26 (make-up), 27, then 5, 6, 7 February and the make-up Saturday 8.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 8)).value())
                .isEqualTo(6);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 2, 8), LocalDate.of(2025, 1, 24)).value())
                .as("backwards: negative").isEqualTo(-6);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 2, 5), LocalDate.of(2025, 2, 5)).value())
                .isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 2, 4)).value())
                .as("the whole festival holds no working day").isZero();
    }

    @Test
    void aPeriodEndingOnAHolidayEndsOnTheNextWorkingDay() {
        assertThat(calendar.onOrAfter(LocalDate.of(2025, 10, 1)).value()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.onOrAfter(LocalDate.of(2025, 10, 11)).value())
                .as("a make-up Saturday is a working day").isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(calendar.onOrAfter(LocalDate.of(2025, 10, 12)).value())
                .as("a plain Sunday").isEqualTo(LocalDate.of(2025, 10, 13));
        assertThat(calendar.onOrAfter(LocalDate.of(2025, 10, 13)).value())
                .as("a working day itself").isEqualTo(LocalDate.of(2025, 10, 13));
    }

    @Test
    void anAnswerThatReachesAnUnloadedYearSaysItGuessed() {
        WorkingCalendar.Counted<LocalDate> intoNextYear = calendar.addWorkingDays(LocalDate.of(2025, 12, 29), 5);
        assertThat(intoNextYear.value()).as("the plain week of 2026").isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(intoNextYear.guessedYears()).containsExactly(2026);
        assertThat(intoNextYear.certain()).isFalse();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2)).guessedYears())
                .containsExactly(2024);
        assertThat(calendar.onOrAfter(LocalDate.of(2025, 12, 31)).certain()).isTrue();
        assertThat(calendar.hasYear(2025)).isTrue();
        assertThat(calendar.hasYear(2026)).isFalse();
    }
}
