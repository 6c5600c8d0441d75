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
import io.banli.supervision.rule.Stage;
import io.banli.supervision.rule.TimeUnit;

/**
 * Due dates on the 2025 calendar, in Beijing time, without Quarkus or a database: the calendar's days are
 * given (the shipped calendar itself is checked over HTTP in {@code WorkingDayCalendarTest}).
 */
class DueDatesTest {

    final DueDates dueDates = new DueDates();

    DueDatesTest() {
        dueDates.calendar = WorkingCalendar.of(WorkingCalendarTestDays.DAYS_2025, Set.of(2025));
        dueDates.zone = ZoneId.of("Asia/Shanghai");
    }

    @Test
    void threeWorkingDaysAcrossTheSpringFestivalCountTheMakeUpSunday() {
        // Fri 24 Jan: Sun 26 Jan (worked), Mon 27 Jan, then 28 Jan–4 Feb off: Wed 5 Feb.
        assertThat(dueDates.compute(rule(3, TimeUnit.WORKING_DAYS, ""), Instant.parse("2025-01-24T02:00:00Z")).dueAt())
                .isEqualTo(Instant.parse("2025-02-05T15:59:59.999999Z"));
    }

    @Test
    void aMonthPeriodEndingOnAHolidayEndsOnTheNextWorkingDay() {
        // 1 Jul + 3 months = 1 Oct, National Day: the holiday runs to 8 Oct, so Thu 9 Oct.
        DueDates.Due due = dueDates.compute(rule(3, TimeUnit.CALENDAR_MONTHS, "7,0"), Instant.parse("2025-07-01T02:00:00Z"));
        assertThat(due.dueAt()).isEqualTo(Instant.parse("2025-10-09T15:59:59.999999Z"));
        // 7 working days before 9 Oct, counting Sun 28 Sep: Tue 23 Sep; and the day itself.
        assertThat(due.warnings()).extracting(DueDates.Warning::fireAt).containsExactly(
                Instant.parse("2025-09-22T16:00:00Z"), Instant.parse("2025-10-08T16:00:00Z"));
        assertThat(due.guessedYears()).isEmpty();
    }

    @Test
    void aMonthWithoutTheStartDayEndsOnItsLastDay() {
        // 30 Nov + 3 months: no 30 February, so Fri 28 Feb 2025.
        assertThat(dueDates.compute(rule(3, TimeUnit.CALENDAR_MONTHS, ""), Instant.parse("2024-11-30T02:00:00Z")).dueAt())
                .isEqualTo(Instant.parse("2025-02-28T15:59:59.999999Z"));
    }

    @Test
    void theStartDayIsTheBeijingDay() {
        // 23:30 UTC on 31 Jan is Sat 1 Feb in Beijing; + 3 months = 1 May, Labour Day off to 5 May: Tue 6 May.
        assertThat(dueDates.compute(rule(3, TimeUnit.CALENDAR_MONTHS, ""), Instant.parse("2025-01-31T23:30:00Z")).dueAt())
                .isEqualTo(Instant.parse("2025-05-06T15:59:59.999999Z"));
        // 01:00 on Mon 27 Jan in Beijing is still Sun 26 Jan (a make-up working day) in UTC: + 1 is Wed 5 Feb.
        assertThat(dueDates.compute(rule(1, TimeUnit.WORKING_DAYS, ""), Instant.parse("2025-01-26T17:00:00Z"))
                .lastDay()).isEqualTo(LocalDate.of(2025, 2, 5));
    }

    @Test
    void anApprovedExtensionRunsOnFromTheStart() {
        DeadlineRule reply = rule(3, TimeUnit.CALENDAR_MONTHS, "");
        reply.extensionAmount = 3;
        reply.extensionUnit = TimeUnit.CALENDAR_MONTHS;
        // 10 Feb + 6 months = Sun 10 Aug: Mon 11 Aug.
        assertThat(dueDates.compute(reply, Instant.parse("2025-02-10T01:30:00Z"), true).dueAt())
                .isEqualTo(Instant.parse("2025-08-11T15:59:59.999999Z"));
        // 1 Jul + 6 months = 1 Jan 2026, not 3 months from the 9 Oct that National Day moved the first end to.
        Due fromJuly = dueDates.compute(reply, Instant.parse("2025-07-01T02:00:00Z"), true);
        assertThat(fromJuly.lastDay()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(fromJuly.guessedYears()).as("2026 has no calendar here").containsExactly(2026);
    }

    @Test
    void anExtensionInAnotherUnitRunsOnFromTheFirstEnd() {
        DeadlineRule rule = rule(5, TimeUnit.WORKING_DAYS, "");
        rule.extensionAmount = 10;
        rule.extensionUnit = TimeUnit.CALENDAR_DAYS;
        // Fri 24 Jan + 5 working days: 26 (make-up), 27 Jan, 5, 6, 7 Feb; then ten calendar days: Mon 17 Feb.
        assertThat(dueDates.compute(rule, Instant.parse("2025-01-24T02:00:00Z")).lastDay())
                .isEqualTo(LocalDate.of(2025, 2, 7));
        assertThat(dueDates.compute(rule, Instant.parse("2025-01-24T02:00:00Z"), true).lastDay())
                .isEqualTo(LocalDate.of(2025, 2, 17));
    }

    @Test
    void aWarningThatWouldComeBeforeTheClockStartedIsNoWarning() {
        // Mon 27 Jan + 2 working days: Thu 6 Feb. Five working days before it is Thu 23 Jan, before the start.
        Due due = dueDates.compute(rule(2, TimeUnit.WORKING_DAYS, "5,1"), Instant.parse("2025-01-27T02:00:00Z"));
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 2, 6));
        assertThat(due.warnings()).containsExactly(new Warning(1, Instant.parse("2025-02-04T16:00:00Z")));
    }

    @Test
    void aPromisedDateStandsAsGivenAndAnExtensionsDateStopsAtTheLegalCap() {
        DeadlineRule reply = rule(3, TimeUnit.CALENDAR_MONTHS, "");
        reply.extensionAmount = 3;
        reply.extensionUnit = TimeUnit.CALENDAR_MONTHS;
        Instant assigned = Instant.parse("2025-04-15T02:00:00Z");
        assertThat(dueDates.compute(reply, assigned, false, LocalDate.of(2025, 10, 1)).lastDay())
                .as("a commitment's promised date, even a holiday").isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(dueDates.compute(reply, assigned, true, LocalDate.of(2025, 12, 31)).lastDay())
                .as("six months from 15 Apr at most").isEqualTo(LocalDate.of(2025, 10, 15));
        assertThat(dueDates.compute(reply, assigned, true, LocalDate.of(2025, 8, 29)).lastDay())
                .as("an earlier date asked for stands").isEqualTo(LocalDate.of(2025, 8, 29));
    }

    @Test
    void aYearWithoutCalendarMakesTheDeadlineProvisional() {
        assertThat(dueDates.compute(rule(3, TimeUnit.CALENDAR_MONTHS, ""), Instant.parse("2041-12-01T02:00:00Z"))
                .guessedYears()).containsExactly(2042);
    }

    static DeadlineRule rule(int amount, TimeUnit unit, String warnings) {
        DeadlineRule rule = new DeadlineRule();
        rule.stage = Stage.REPLY;
        rule.amount = amount;
        rule.unit = unit;
        rule.warningWorkingDays = warnings;
        return rule;
    }
}
