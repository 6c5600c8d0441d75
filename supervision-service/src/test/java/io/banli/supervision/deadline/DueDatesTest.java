package io.banli.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.banli.supervision.calendar.WorkingCalendar;
import io.banli.supervision.calendar.WorkingCalendarTestDays;
import io.banli.supervision.deadline.DueDates.Due;
import io.banli.supervision.deadline.DueDates.Warning;
import io.banli.supervision.rule.DeadlineRule;
import io.banli.supervision.rule.TimeUnit;

/** Due dates and warnings in Shanghai time on the 2025 calendar, without a database. */
class DueDatesTest {

    final DueDates dueDates = new DueDates();

    DueDatesTest() {
        dueDates.calendar = WorkingCalendar.of(WorkingCalendarTestDays.DAYS_2025, Set.of(2025));
        dueDates.zone = ZoneId.of("Asia/Shanghai");
    }

    static DeadlineRule rule(int amount, TimeUnit unit, Integer extensionAmount, TimeUnit extensionUnit,
            String warnings) {
        DeadlineRule rule = new DeadlineRule();
        rule.amount = amount;
        rule.unit = unit;
        rule.extensionAmount = extensionAmount;
        rule.extensionUnit = extensionUnit;
        rule.warningWorkingDays = warnings;
        return rule;
    }

    /** 10:00 in Shanghai on that day. */
    static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void aPeriodOfMonthsEndingOnAHolidayEndsAtTheEndOfTheNextWorkingDay() {
        Due due = dueDates.compute(rule(3, TimeUnit.CALENDAR_MONTHS, null, null, ""), at(2025, 7, 1));
        assertThat(due.lastDay()).as("1 October is National Day").isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(due.dueAt()).as("the last microsecond of 9 October in Shanghai")
                .isEqualTo(Instant.parse("2025-10-09T15:59:59.999999Z"));
        assertThat(due.guessedYears()).isEmpty();
        assertThat(due.warnings()).isEmpty();
    }

    @Test
    void aMonthWithoutTheStartDayEndsOnItsLastDay() {
        Due due = dueDates.compute(rule(1, TimeUnit.CALENDAR_MONTHS, null, null, ""), at(2025, 1, 31));
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void theStartDayIsTheDayInTheDeploymentsZone() {
        // 01:00 on Monday 27 January in Shanghai is still Sunday 26 January (a make-up working day) in UTC.
        Due due = dueDates.compute(rule(1, TimeUnit.WORKING_DAYS, null, null, ""),
                Instant.parse("2025-01-26T17:00:00Z"));
        assertThat(due.lastDay()).as("the first working day after the Spring Festival")
                .isEqualTo(LocalDate.of(2025, 2, 5));
    }

    @Test
    void warningsFireAtTheStartOfTheirWorkingDayAndNeverBeforeTheClockStarted() {
        Due due = dueDates.compute(rule(3, TimeUnit.CALENDAR_MONTHS, null, null, "5, 0"), at(2025, 7, 1));
        // Five working days before 9 October: 30, 29, the make-up Sunday 28, 26 and 25 September.
        assertThat(due.warnings()).containsExactly(
                new Warning(5, Instant.parse("2025-09-24T16:00:00Z")),
                new Warning(0, Instant.parse("2025-10-08T16:00:00Z")));

        Due shortOne = dueDates.compute(rule(2, TimeUnit.WORKING_DAYS, null, null, "5,1"), at(2025, 1, 27));
        assertThat(shortOne.lastDay()).isEqualTo(LocalDate.of(2025, 2, 6));
        assertThat(shortOne.warnings()).as("five working days before is 23 January, before the start")
                .containsExactly(new Warning(1, Instant.parse("2025-02-04T16:00:00Z")));
    }

    @Test
    void anExtensionOfTheSameUnitRunsOnFromTheStart() {
        DeadlineRule threeMonths = rule(3, TimeUnit.CALENDAR_MONTHS, 3, TimeUnit.CALENDAR_MONTHS, "");
        Due extended = dueDates.compute(threeMonths, at(2025, 7, 1), true);
        // Six months from 1 July, not three months from the 9 October the holiday moved the first end to.
        assertThat(extended.lastDay()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(extended.guessedYears()).as("2026 has no calendar loaded").containsExactly(2026);
    }

    @Test
    void anExtensionOfAnotherUnitRunsOnFromTheFirstEnd() {
        DeadlineRule rule = rule(5, TimeUnit.WORKING_DAYS, 10, TimeUnit.CALENDAR_DAYS, "");
        // 26 (make-up), 27 January, 5, 6, 7 February; then ten calendar days.
        assertThat(dueDates.compute(rule, at(2025, 1, 24)).lastDay()).isEqualTo(LocalDate.of(2025, 2, 7));
        assertThat(dueDates.compute(rule, at(2025, 1, 24), true).lastDay()).isEqualTo(LocalDate.of(2025, 2, 17));
    }

    @Test
    void aPromisedDateStandsAsGivenAndAnExtensionsDateStopsAtTheLegalCap() {
        DeadlineRule rule = rule(3, TimeUnit.CALENDAR_MONTHS, 3, TimeUnit.CALENDAR_MONTHS, "");
        assertThat(dueDates.compute(rule, at(2025, 4, 15), false, LocalDate.of(2025, 10, 1)).lastDay())
                .as("a commitment's promised date, even a holiday").isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(dueDates.compute(rule, at(2025, 4, 15), true, LocalDate.of(2025, 12, 31)).lastDay())
                .as("six months from 15 April at most").isEqualTo(LocalDate.of(2025, 10, 15));
        assertThat(dueDates.compute(rule, at(2025, 4, 15), true, LocalDate.of(2025, 8, 29)).lastDay())
                .as("an earlier date asked for stands").isEqualTo(LocalDate.of(2025, 8, 29));
    }
}
