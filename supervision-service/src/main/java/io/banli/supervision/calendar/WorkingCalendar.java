package io.banli.supervision.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Working-day arithmetic on the loaded calendar: a listed day is off or working as listed (holidays,
 * and make-up working days on weekends); any other day follows the week. A year that is not loaded
 * cannot be counted on: every answer says which years it had to guess with the plain week.
 *
 * <p>The days are held in memory (a few dozen a year) and reloaded after a change here or, for
 * changes made by another replica, at most {@link #MAX_AGE_MILLIS} later.
 */
@ApplicationScoped
public class WorkingCalendar {

    static final long MAX_AGE_MILLIS = 30_000;

    @Inject
    EntityManager em;

    private volatile Snapshot snapshot;

    /** Days given rather than loaded (see {@link #of}): never reloaded, never invalidated. */
    private Snapshot given;

    /** What an answer rests on: {@code guessedYears} lists the years without a loaded calendar. */
    public record Counted<T>(T value, Set<Integer> guessedYears) {
        public boolean certain() {
            return guessedYears.isEmpty();
        }
    }

    private record Snapshot(Map<LocalDate, Boolean> offDays, Set<Integer> years, long loadedAt) {
    }

    /**
     * A calendar of the given days, without a database: the counting rules are pure, and the plain tests of
     * this calendar and of the due dates built on it run on days they list themselves.
     *
     * @param offDays each listed day: true for a day off (a holiday), false for a working day (a make-up day)
     * @param years the years whose calendar counts as loaded; any other year is counted on the plain week
     */
    public static WorkingCalendar of(Map<LocalDate, Boolean> offDays, Set<Integer> years) {
        WorkingCalendar calendar = new WorkingCalendar();
        calendar.given = new Snapshot(Map.copyOf(offDays), Set.copyOf(years), 0);
        return calendar;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, current());
    }

    /** The Nth working day after {@code from} (from itself not counted); n = 0 gives {@code from}. */
    public Counted<LocalDate> addWorkingDays(LocalDate from, int n) {
        Snapshot days = current();
        Set<Integer> guessed = new TreeSet<>();
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            note(day, days, guessed);
            if (isWorkingDay(day, days)) {
                counted++;
            }
        }
        return new Counted<>(day, guessed);
    }

    /** The Nth working day before {@code from}; used for "N working days before the deadline". */
    public Counted<LocalDate> subtractWorkingDays(LocalDate from, int n) {
        Snapshot days = current();
        Set<Integer> guessed = new TreeSet<>();
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.minusDays(1);
            note(day, days, guessed);
            if (isWorkingDay(day, days)) {
                counted++;
            }
        }
        return new Counted<>(day, guessed);
    }

    /** Working days in (from, to]: the days a unit had, counted like {@link #addWorkingDays}. */
    public Counted<Integer> workingDaysBetween(LocalDate from, LocalDate to) {
        Snapshot days = current();
        Set<Integer> guessed = new TreeSet<>();
        int sign = to.isBefore(from) ? -1 : 1;
        LocalDate start = sign > 0 ? from : to;
        LocalDate end = sign > 0 ? to : from;
        int count = 0;
        for (long i = 1; i <= ChronoUnit.DAYS.between(start, end); i++) {
            LocalDate day = start.plusDays(i);
            note(day, days, guessed);
            if (isWorkingDay(day, days)) {
                count++;
            }
        }
        return new Counted<>(sign * count, guessed);
    }

    /**
     * The first working day on or after {@code day}: a period whose last day is a holiday ends on the
     * next working day (Civil Code art. 203).
     */
    public Counted<LocalDate> onOrAfter(LocalDate day) {
        Snapshot days = current();
        Set<Integer> guessed = new TreeSet<>();
        LocalDate candidate = day;
        note(candidate, days, guessed);
        while (!isWorkingDay(candidate, days)) {
            candidate = candidate.plusDays(1);
            note(candidate, days, guessed);
        }
        return new Counted<>(candidate, guessed);
    }

    public boolean hasYear(int year) {
        return current().years().contains(year);
    }

    /** Drops the cached days once a change of this replica is committed. */
    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarChanged change) {
        invalidate();
    }

    public void invalidate() {
        snapshot = null;
    }

    private static boolean isWorkingDay(LocalDate day, Snapshot days) {
        Boolean off = days.offDays().get(day);
        if (off != null) {
            return !off;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static void note(LocalDate day, Snapshot days, Set<Integer> guessed) {
        if (!days.years().contains(day.getYear())) {
            guessed.add(day.getYear());
        }
    }

    private Snapshot current() {
        if (given != null) {
            return given;
        }
        Snapshot days = snapshot;
        if (days == null || System.currentTimeMillis() - days.loadedAt() > MAX_AGE_MILLIS) {
            days = QuarkusTransaction.joiningExisting().call(this::load);
            snapshot = days;
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private Snapshot load() {
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select day, off_day from calendar_day")
                .getResultList()) {
            offDays.put(toLocalDate(row[0]), (Boolean) row[1]);
        }
        Set<Integer> years = new HashSet<>();
        em.createNativeQuery("select year from calendar_year").getResultList()
                .forEach(year -> years.add(((Number) year).intValue()));
        return new Snapshot(offDays, years, System.currentTimeMillis());
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
