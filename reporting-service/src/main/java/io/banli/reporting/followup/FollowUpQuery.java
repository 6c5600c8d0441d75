package io.banli.reporting.followup;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.kit.problem.Problems;
import io.banli.reporting.report.LeaderItems;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.Selection;
import io.banli.reporting.statistics.StatisticsQuery;

/**
 * The follow-up across years (回头看). Reporting knows sessions from the registrations (id, name, kind, level, year);
 * the previous session of a session is the latest earlier one of the same body — same kind (people's congress or
 * CPPCC) and level — ordered by year, then by id within a year. Its followed-up items are those with a B-class reply
 * (a replying unit's latest class) or a commitment; a commitment is overdue when it is not fulfilled and its day has
 * passed (Asia/Shanghai).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FollowUpQuery {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LeaderItems leaderItems;

    /** The session, or 404 when no registered item names it. */
    public FollowUp followUp(long sessionId) {
        SessionRef session = session(sessionId).orElseThrow(() -> Problems.notFound("session", sessionId));
        Optional<SessionRef> previous = previous(session);
        List<FollowUpItem> items = previous.map(p -> items(sessionFilter(p.id()))).orElse(List.of());
        return summary(session, previous.orElse(null), items);
    }

    /** The counts of a follow-up list: commitments = fulfilled + in progress; overdue is part of in progress. */
    public FollowUp summary(SessionRef session, SessionRef previous, List<FollowUpItem> items) {
        List<FollowUpCommitment> all = items.stream().flatMap(i -> i.commitments().stream()).toList();
        long fulfilled = all.stream().filter(FollowUpCommitment::fulfilled).count();
        return new FollowUp(session, previous, today(), items.stream().filter(FollowUpItem::bClass).count(), all.size(),
                fulfilled, all.size() - fulfilled, all.stream().filter(FollowUpCommitment::overdue).count(), items);
    }

    @SuppressWarnings("unchecked")
    public Optional<SessionRef> session(long sessionId) {
        List<Object[]> rows = em.createNativeQuery("select session_id, max(session_name), max(session_kind), max(level), "
                + "max(year) from item where session_id = :s and registered_at is not null group by session_id")
                .setParameter("s", sessionId).getResultList();
        return rows.stream().findFirst().map(FollowUpQuery::ref);
    }

    /** The latest earlier session of the same kind and level (by year, then id), if reporting knows one. */
    @SuppressWarnings("unchecked")
    public Optional<SessionRef> previous(SessionRef s) {
        if (s.kind() == null || s.level() == null || s.year() == null) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("select session_id, max(session_name), max(session_kind), max(level), "
                + "max(year) from item where registered_at is not null and session_kind = :kind and level = :level "
                + "and (year < :year or (year = :year and session_id < :s)) group by session_id "
                + "order by max(year) desc, session_id desc limit 1")
                .setParameter("kind", s.kind()).setParameter("level", s.level()).setParameter("year", s.year())
                .setParameter("s", s.id()).getResultList();
        return rows.stream().findFirst().map(FollowUpQuery::ref);
    }

    /**
     * The filter of the period before the given one, for the report's comparison: the previous session (its year
     * when the filter names a year), or the year before; the other filters stay, a registration period does not.
     * Empty when the session has no previous one.
     */
    public Optional<Filter> previousPeriod(Filter f) {
        Filter p = copy(f);
        p.from = null;
        p.to = null;
        if (f.sessionId != null) {
            Optional<SessionRef> previous = session(f.sessionId).flatMap(this::previous);
            previous.ifPresent(s -> {
                p.sessionId = s.id();
                p.year = f.year == null ? null : s.year();
            });
            return previous.map(s -> p);
        }
        if (f.year == null) {
            return Optional.empty();
        }
        p.year = f.year - 1;
        return Optional.of(p);
    }

    /** The followed-up items of a selection (a leader's list: only the key items they lead), by number. */
    @SuppressWarnings("unchecked")
    public List<FollowUpItem> items(Filter f) {
        Selection sel = Selection.of(f, "");
        List<Object[]> rows = leaderItems.bind(sel.query(em, "select i.submission_id, i.number, i.title, "
                + "coalesce(i.group_name, i.proposer_name), string_agg(p.unit_name, '、' order by p.role, p.unit_id) "
                + "filter (where " + StatisticsQuery.REPLYING + "), string_agg(distinct cast(p.result_class as text), '、') "
                + "filter (where " + StatisticsQuery.REPLYING + " and p.replied_at is not null), "
                + "bool_or(p.result_class = 'B') filter (where " + StatisticsQuery.REPLYING + " and p.replied_at is not null) "
                + "from item i join unit_part p on p.submission_id = i.submission_id and p.assigned_at is not null "
                + "and not p.reassigned_away where " + sel.items() + leaderItems.condition()
                + " group by i.submission_id having bool_or(p.result_class = 'B' and p.replied_at is not null and "
                + StatisticsQuery.REPLYING + ") or exists (select 1 from commitment c where c.submission_id = i.submission_id) "
                + "order by i.number nulls last, i.submission_id", null)).getResultList();
        Map<Long, List<FollowUpCommitment>> commitments = commitments(rows.stream()
                .map(r -> ((Number) r[0]).longValue()).toList());
        List<FollowUpItem> items = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            items.add(new FollowUpItem(id, r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], Boolean.TRUE.equals(r[6]),
                    commitments.getOrDefault(id, List.of())));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, List<FollowUpCommitment>> commitments(List<Long> submissions) {
        Map<Long, List<FollowUpCommitment>> result = new LinkedHashMap<>();
        if (submissions.isEmpty()) {
            return result;
        }
        LocalDate today = today();
        List<Object[]> rows = em.createNativeQuery("select c.submission_id, c.commitment_id, p.unit_name, c.promised_on, "
                + "c.percent, c.fulfilled, c.progressed_on from commitment c left join unit_part p "
                + "on p.submission_id = c.submission_id and p.unit_id = c.unit_id where c.submission_id in (:s) "
                + "order by c.promised_on nulls last, c.commitment_id").setParameter("s", submissions).getResultList();
        for (Object[] r : rows) {
            LocalDate due = date(r[3]);
            boolean fulfilled = Boolean.TRUE.equals(r[5]);
            boolean overdue = !fulfilled && due != null && due.isBefore(today);
            result.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new FollowUpCommitment(
                    ((Number) r[1]).longValue(), (String) r[2], due, ((Number) r[4]).intValue(), fulfilled, date(r[6]),
                    overdue, overdue ? ChronoUnit.DAYS.between(due, today) : 0));
        }
        return result;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), StatisticsQuery.ZONE);
    }

    private static Filter sessionFilter(long sessionId) {
        Filter f = new Filter();
        f.sessionId = sessionId;
        return f;
    }

    private static Filter copy(Filter f) {
        Filter c = new Filter();
        c.sessionId = f.sessionId;
        c.kind = f.kind;
        c.level = f.level;
        c.field = f.field;
        c.unitId = f.unitId;
        c.role = f.role;
        c.keyItem = f.keyItem;
        c.year = f.year;
        c.from = f.from;
        c.to = f.to;
        return c;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static SessionRef ref(Object[] r) {
        return new SessionRef(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue());
    }
}
