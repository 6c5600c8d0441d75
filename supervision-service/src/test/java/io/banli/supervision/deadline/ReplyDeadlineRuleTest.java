package io.banli.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ReplyDeadlineRuleTest {

    final ReplyDeadlineRule rule = rule(3);

    @Test
    void theReplyIsDueAtTheEndOfTheSameDayThreeMonthsLaterInBeijingTime() {
        // Assigned on 10 Feb 2025 at 09:30 Beijing time.
        assertThat(rule.dueAt(Instant.parse("2025-02-10T01:30:00Z")))
                .isEqualTo(Instant.parse("2025-05-10T15:59:59.999999Z"));
    }

    @Test
    void theAssignmentDayIsTheBeijingDayNotTheUtcDay() {
        // 23:30 UTC on 31 Jan is already 1 Feb in Beijing.
        assertThat(rule.dueAt(Instant.parse("2025-01-31T23:30:00Z")))
                .isEqualTo(Instant.parse("2025-05-01T15:59:59.999999Z"));
    }

    @Test
    void aMonthWithoutThatDayEndsOnItsLastDay() {
        // 30 Nov + 3 months: there is no 30 February, so the last day of February.
        assertThat(rule.dueAt(Instant.parse("2024-11-30T02:00:00Z")))
                .isEqualTo(Instant.parse("2025-02-28T15:59:59.999999Z"));
    }

    static ReplyDeadlineRule rule(int months) {
        ReplyDeadlineRule rule = new ReplyDeadlineRule();
        rule.months = months;
        rule.zone = ZoneId.of("Asia/Shanghai");
        return rule;
    }
}
