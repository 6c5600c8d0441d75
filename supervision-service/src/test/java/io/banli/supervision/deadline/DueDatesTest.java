package io.banli.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.banli.supervision.rule.DeadlineRule;
import io.banli.supervision.rule.TimeUnit;
import io.quarkus.test.junit.QuarkusTest;

/** Due dates on the shipped 2025 calendar, in Beijing time. */
@QuarkusTest
class DueDatesTest {

    @Inject
    DueDates dueDates;

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
    }

    @Test
    void anApprovedExtensionRunsOnFromTheStart() {
        DeadlineRule reply = rule(3, TimeUnit.CALENDAR_MONTHS, "");
        reply.extensionAmount = 3;
        reply.extensionUnit = TimeUnit.CALENDAR_MONTHS;
        // 10 Feb + 6 months = Sun 10 Aug: Mon 11 Aug.
        assertThat(dueDates.compute(reply, Instant.parse("2025-02-10T01:30:00Z"), true).dueAt())
                .isEqualTo(Instant.parse("2025-08-11T15:59:59.999999Z"));
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
