package io.banli.reporting.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A {@link Filter} as SQL over the rollups (V13), the counterpart of {@link Selection}: {@code dims} on the
 * dimensions every rollup row carries (a registration day instead of the instant), {@code itemScope} choosing the
 * item sums' scope for a unit or role, {@code factScope} the same on single items, {@code parts} the unit and role
 * of part rows. Values are bound as parameters, never spliced into the text.
 */
public record RollupSelection(String dims, String itemScope, String factScope, String parts,
        Map<String, Object> parameters) {

    public static RollupSelection of(Filter f) {
        List<String> dims = new ArrayList<>(List.of("true"));
        Map<String, Object> p = new LinkedHashMap<>();
        Selection.add(dims, p, "session_id = :session", "session", f.sessionId);
        Selection.add(dims, p, "kind = :kind", "kind", f.kind == null ? null : f.kind.name());
        Selection.add(dims, p, "level = :level", "level", f.level == null ? null : f.level.name());
        Selection.add(dims, p, "field = :field", "field", f.field);
        Selection.add(dims, p, "key_item = :key", "key", f.keyItemFlag());
        Selection.add(dims, p, "year = :year", "year", f.year);
        // Registered on or after the first day's start and before the day after the last, in the zone: its day.
        Selection.add(dims, p, "reg_day >= :from", "from", f.from);
        Selection.add(dims, p, "reg_day <= :to", "to", f.to);
        List<String> parts = new ArrayList<>();
        Selection.add(parts, p, "unit_id = :unit", "unit", f.unitId);
        Selection.add(parts, p, "role = :role", "role", f.role == null ? null : f.role.name());
        String itemScope;
        String factScope;
        if (f.unitId != null && f.role != null) {
            itemScope = "scope = 'P' and unit_id = :unit and role = :role";
            factScope = "exists (select 1 from unnest(unit_ids, roles) as q(u, r) where u = :unit and r = :role)";
        } else if (f.unitId != null) {
            itemScope = "scope = 'P' and unit_id = :unit";
            factScope = ":unit = any(unit_ids)";
        } else if (f.role != null) {
            itemScope = "scope = 'R' and role = :role";
            factScope = ":role = any(roles)";
        } else {
            itemScope = "scope = 'A'";
            factScope = "true";
        }
        return new RollupSelection(String.join(" and ", dims), itemScope, factScope,
                parts.isEmpty() ? "true" : String.join(" and ", parts), p);
    }

    /** The query with the filter's values, now and today (its day in the zone) bound where the text names them. */
    public Query query(EntityManager em, String sql, Instant now) {
        Query q = Selection.query(em, sql, parameters, now);
        if (sql.contains(":today")) {
            q.setParameter("today", LocalDate.ofInstant(now, StatisticsQuery.ZONE));
        }
        return q;
    }
}
