package io.banli.supervision.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reply deadline: N calendar months after the day of formal assignment, to the end of that day
 * in the deployment's zone. A month without that day ends on its last day (31 Jan + 1 month =
 * 28/29 Feb), as the legal texts count months.
 */
@ApplicationScoped
public class ReplyDeadlineRule {

    @ConfigProperty(name = "banli.deadlines.reply-months", defaultValue = "3")
    int months;

    @ConfigProperty(name = "banli.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public Instant dueAt(Instant assignedAt) {
        LocalDate lastDay = assignedAt.atZone(zone).toLocalDate().plusMonths(months);
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1_000);
    }
}
