package io.banli.reporting.opendata;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.http.PageList;
import io.banli.reporting.statistics.Labels;
import io.banli.reporting.statistics.StatisticsQuery;

/**
 * Reads the public view of the projection; the exclusions live in the one query. A reply's text is
 * stored only when it may be published, and masked (ProjectionWriter); the query checks its disclosure
 * again and shows each unit's latest sent version, dated in the service's zone (StatisticsQuery.ZONE).
 */
@ApplicationScoped
public class OpenData {

    private static final String SQL = """
            select i.session_name, i.year, i.number, i.kind, i.title, coalesce(i.field_name, i.field), coalesce(i.group_name, i.proposer_name),
                   i.delegation, i.registered_at,
                   string_agg(p.unit_name, '、' order by p.role, p.unit_id),
                   case when bool_and(p.disclosure = 'PUBLIC') filter (where p.replied_at is not null) then
                        min(p.first_replied_at) end,
                   case when bool_and(p.disclosure = 'PUBLIC') filter (where p.replied_at is not null) then
                        string_agg(distinct cast(p.result_class as text), '、') end,
                   cast(json_agg(json_build_object('unit', p.unit_name, 'text', p.reply_text,
                        'repliedOn', to_char(p.replied_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))
                        order by p.role, p.unit_id)
                        filter (where p.replied_at is not null and p.disclosure = 'PUBLIC' and p.reply_text is not null)
                        as text),
                   h.number
            from item i
            left join item h on h.submission_id = i.merged_into
            left join unit_part p on p.submission_id = coalesce(i.merged_into, i.submission_id) and p.assigned_at is not null
                 and not p.reassigned_away and p.role in ('SOLE', 'LEAD', 'SPLIT')
            where i.registered_at is not null and i.refused_at is null and i.withdrawn_at is null
              and not i.confidential and not coalesce(h.confidential, false) %s
            group by i.submission_id, h.number
            order by i.session_id, i.number, i.submission_id""";

    private static final TypeReference<List<OpenReply>> REPLIES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<OpenSubmission> page(Long sessionId, Integer year, String kind, int page, int size) {
        List<OpenSubmission> rows = ((List<Object[]>) query(sessionId, year, kind, false)
                .setFirstResult(page * size).setMaxResults(size).getResultList()).stream().map(this::row).toList();
        // The total feeds the paging links (Link, X-Total-Count); the body stays a plain array.
        long total = ((Number) query(sessionId, year, kind, true).getSingleResult()).longValue();
        return new PageList<>(rows, page, size, total);
    }

    /** Every row, streamed from the database cursor (the downloadable dataset). */
    @Transactional
    @SuppressWarnings("unchecked")
    public void each(Long sessionId, Integer year, String kind, Consumer<OpenSubmission> sink) {
        try (Stream<Object[]> rows = query(sessionId, year, kind, false).setHint("org.hibernate.fetchSize", 1000)
                .getResultStream()) {
            rows.map(this::row).forEach(sink);
        }
    }

    private Query query(Long sessionId, Integer year, String kind, boolean count) {
        Map<String, Object> p = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder();
        if (sessionId != null) {
            where.append(" and i.session_id = :session");
            p.put("session", sessionId);
        }
        if (year != null) {
            where.append(" and i.year = :year");
            p.put("year", year);
        }
        if (kind != null) {
            where.append(" and i.kind = :kind");
            p.put("kind", kind);
        }
        String sql = SQL.formatted(where);
        Query q = em.createNativeQuery(count ? "select count(*) from (" + sql + ") counted" : sql);
        p.forEach(q::setParameter);
        return q;
    }

    private OpenSubmission row(Object[] r) {
        return new OpenSubmission((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue(),
                r[2] == null ? null : ((Number) r[2]).intValue(), (String) r[3], (String) r[4],
                r[5] == null ? null : Labels.field((String) r[5]), (String) r[6], (String) r[7], date(r[8]),
                (String) r[9], date(r[10]), (String) r[11], replies((String) r[12]),
                r[13] == null ? null : ((Number) r[13]).intValue());
    }

    private List<OpenReply> replies(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, REPLIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database returned replies that are not JSON", e);
        }
    }

    private static LocalDate date(Object value) {
        Instant at = value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof Timestamp t ? t.toInstant() : null;
        return at == null ? null : at.atZone(StatisticsQuery.ZONE).toLocalDate();
    }
}
