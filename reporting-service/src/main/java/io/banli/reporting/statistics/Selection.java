package io.banli.reporting.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A {@link Filter} as SQL over the projection: {@code items} selects counted submissions (alias i),
 * {@code parts} narrows unit parts (alias p) to the unit and role asked for. Values are always
 * bound as parameters, never spliced into the text.
 */
public record Selection(String prefix, String items, String parts, Map<String, Object> parameters) {

    public static Selection of(Filter f, String prefix) {
        // A merged item (并案) is counted once, under its host: it is listed as merged, never as an item of its own.
        List<String> items = new ArrayList<>(List.of("i.registered_at is not null", "i.refused_at is null",
                "i.withdrawn_at is null", "i.merged_into is null"));
        Map<String, Object> p = new LinkedHashMap<>();
        add(items, p, "i.session_id = :session", "session", f.sessionId);
        add(items, p, "i.kind = :kind", "kind", f.kind == null ? null : f.kind.name());
        add(items, p, "i.level = :level", "level", f.level == null ? null : f.level.name());
        add(items, p, "i.field = :field", "field", f.field);
        add(items, p, "i.key_item = :key", "key", f.keyItemFlag());
        add(items, p, "i.year = :year", "year", f.year);
        add(items, p, "i.registered_at >= :from", "from", f.from == null ? null : f.from.atStartOfDay(StatisticsQuery.ZONE).toInstant());
        add(items, p, "i.registered_at < :to", "to", f.to == null ? null : f.to.plusDays(1).atStartOfDay(StatisticsQuery.ZONE).toInstant());
        List<String> parts = new ArrayList<>();
        add(parts, p, "p.unit_id = :unit", "unit", f.unitId);
        add(parts, p, "p.role = :role", "role", f.role == null ? null : f.role.name());
        if (!parts.isEmpty()) {
            items.add("exists (select 1 from " + prefix + "unit_part p where p.submission_id = i.submission_id "
                    + "and p.assigned_at is not null and not p.reassigned_away and " + String.join(" and ", parts) + ")");
        }
        return new Selection(prefix, String.join(" and ", items),
                parts.isEmpty() ? "" : " and " + String.join(" and ", parts), p);
    }

    static void add(List<String> conditions, Map<String, Object> p, String sql, String name, Object value) {
        if (value != null) {
            conditions.add(sql);
            p.put(name, value);
        }
    }

    public String table(String name) {
        return prefix + name;
    }

    public Query query(EntityManager em, String sql, Instant now) {
        return query(em, sql, parameters, now);
    }

    /** The query with the values (and now) bound where the text names them. */
    static Query query(EntityManager em, String sql, Map<String, Object> parameters, Instant now) {
        Query q = em.createNativeQuery(sql);
        parameters.forEach((k, v) -> {
            if (sql.contains(":" + k)) {
                q.setParameter(k, v);
            }
        });
        if (sql.contains(":now")) {
            q.setParameter("now", now);
        }
        return q;
    }
}
