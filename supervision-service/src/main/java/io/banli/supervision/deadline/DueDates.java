package io.banli.supervision.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.banli.kit.config.BanliConfig;
import io.banli.supervision.calendar.WorkingCalendar;
import io.banli.supervision.calendar.WorkingCalendar.Counted;
import io.banli.supervision.rule.DeadlineRule;
import io.banli.supervision.rule.TimeUnit;

/**
 * Turns a rule and a start instant into a due instant and the instants of its warnings, on the
 * working-day calendar in the deployment's zone. A deadline ends at the end of its last day; a
 * warning is raised at the start of its day.
 */
@ApplicationScoped
public class DueDates {

    @Inject
    WorkingCalendar calendar;

    /** The deployment's zone; plain tests set it themselves. */
    ZoneId zone;

    @Inject
    void zone(BanliConfig banli) {
        zone = banli.zone();
    }

    /** A computed deadline; {@code guessedYears} is non-empty when a year had no calendar loaded. */
    public record Due(Instant dueAt, LocalDate lastDay, List<Warning> warnings, Set<Integer> guessedYears) {
    }

    public record Warning(int workingDaysBefore, Instant fireAt) {
    }

    public Due compute(DeadlineRule rule, Instant start) {
        return compute(rule, start, false);
    }

    /**
     * @param extended with the rule's extension approved: the extension runs on from the start, so
     *                 3 months extended by 3 months ends where 6 months would
     */
    public Due compute(DeadlineRule rule, Instant start, boolean extended) {
        return compute(rule, start, extended, null);
    }

    /**
     * @param fixedLastDay a last day given by an event: a commitment's promised date stands as given;
     *                     an extension's date counts only up to the rule's extended end (the legal cap)
     */
    public Due compute(DeadlineRule rule, Instant start, boolean extended, LocalDate fixedLastDay) {
        Set<Integer> guessed = new TreeSet<>();
        LocalDate startDay = start.atZone(zone).toLocalDate();
        LocalDate lastDay;
        if (fixedLastDay != null && !extended) {
            lastDay = fixedLastDay;
        } else if (extended && rule.extensionAmount != null && rule.extensionUnit == rule.unit) {
            lastDay = lastDay(startDay, rule.amount + rule.extensionAmount, rule.unit, guessed);
        } else {
            lastDay = lastDay(startDay, rule.amount, rule.unit, guessed);
            if (extended && rule.extensionAmount != null) {
                lastDay = lastDay(lastDay, rule.extensionAmount, rule.extensionUnit, guessed);
            }
        }
        if (extended && fixedLastDay != null && fixedLastDay.isBefore(lastDay)) {
            lastDay = fixedLastDay;
        }
        Instant dueAt = lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1_000);
        List<Warning> warnings = new ArrayList<>();
        for (int before : rule.warnings()) {
            Counted<LocalDate> day = calendar.subtractWorkingDays(lastDay, before);
            guessed.addAll(day.guessedYears());
            Instant fireAt = day.value().atStartOfDay(zone).toInstant();
            // A warning that would come before the clock started is no warning at all.
            if (fireAt.isAfter(start)) {
                warnings.add(new Warning(before, fireAt));
            }
        }
        return new Due(dueAt, lastDay, warnings, guessed);
    }

    private LocalDate lastDay(LocalDate from, int amount, TimeUnit unit, Set<Integer> guessed) {
        Counted<LocalDate> last = switch (unit) {
            case WORKING_DAYS -> calendar.addWorkingDays(from, amount);
            case CALENDAR_DAYS -> calendar.onOrAfter(from.plusDays(amount));
            case CALENDAR_MONTHS -> calendar.onOrAfter(from.plusMonths(amount));
        };
        guessed.addAll(last.guessedYears());
        return last.value();
    }
}
