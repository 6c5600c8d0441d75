package io.banli.supervision.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

/** Loads a year of the calendar: all of it replaces what the year had, in one versioned change. */
@ApplicationScoped
public class CalendarService {

    @Inject
    StateChange change;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<CalendarChanged> changed;

    /** Returns the new version of the year. */
    @Transactional
    public int replace(int year, CalendarUpload upload, String source) {
        check(year, upload);
        CalendarUpload previous = find(year);
        int version = previous == null ? 1 : versionOf(year) + 1;
        em.createNativeQuery("delete from calendar_day where year = :year").setParameter("year", year).executeUpdate();
        em.createNativeQuery("""
                insert into calendar_year (year, version, loaded_at, loaded_by, source)
                values (:year, :version, :at, :by, :source)
                on conflict (year) do update set version = excluded.version, loaded_at = excluded.loaded_at,
                    loaded_by = excluded.loaded_by, source = excluded.source""")
                .setParameter("year", year).setParameter("version", version).setParameter("at", change.now())
                .setParameter("by", change.actor()).setParameter("source", source).executeUpdate();
        for (CalendarUpload.Day day : upload.days()) {
            em.createNativeQuery("insert into calendar_day (day, year, name, off_day) values (:day, :year, :name, :off)")
                    .setParameter("day", day.date()).setParameter("year", year)
                    .setParameter("name", day.name()).setParameter("off", day.isOffDay()).executeUpdate();
        }
        em.createNativeQuery("""
                insert into calendar_change (year, version, changed_at, changed_by, previous, current)
                values (:year, :version, :at, :by, :previous, :current)""")
                .setParameter("year", year).setParameter("version", version).setParameter("at", change.now())
                .setParameter("by", change.actor()).setParameter("previous", previous == null ? null : json(previous))
                .setParameter("current", json(upload)).executeUpdate();
        change.audit("calendar.loaded", "calendar", year, "version " + version + ", " + upload.days().size()
                + " days, source: " + source);
        changed.fire(new CalendarChanged(year));
        return version;
    }

    /** The year as loaded, or null when it never was. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public CalendarUpload find(int year) {
        if (em.createNativeQuery("select 1 from calendar_year where year = :year").setParameter("year", year)
                .getResultList().isEmpty()) {
            return null;
        }
        List<Object[]> rows = em.createNativeQuery(
                "select day, name, off_day from calendar_day where year = :year order by day")
                .setParameter("year", year).getResultList();
        return new CalendarUpload(year, rows.stream().map(r -> new CalendarUpload.Day(
                r[0] instanceof LocalDate d ? d : ((java.sql.Date) r[0]).toLocalDate(),
                (String) r[1], (Boolean) r[2])).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int versionOf(int year) {
        List<?> version = em.createNativeQuery("select version from calendar_year where year = :year")
                .setParameter("year", year).getResultList();
        return version.isEmpty() ? 0 : ((Number) version.get(0)).intValue();
    }

    private static void check(int year, CalendarUpload upload) {
        if (upload.year() != year) {
            throw Problems.unprocessable("year-mismatch",
                    "The body is the calendar of " + upload.year() + " but was sent for " + year + ".");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarUpload.Day day : upload.days()) {
            if (day.date().getYear() != year) {
                throw Problems.unprocessable("date-outside-year", day.date() + " is not in " + year + ".");
            }
            if (!seen.add(day.date())) {
                throw Problems.unprocessable("duplicate-day", day.date() + " is listed twice.");
            }
        }
    }

    private String json(CalendarUpload upload) {
        try {
            return mapper.writeValueAsString(upload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
