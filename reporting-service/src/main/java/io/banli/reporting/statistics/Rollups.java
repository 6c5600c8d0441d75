package io.banli.reporting.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.reporting.tables.Target;

/**
 * Keeps the statistics' rollups (migration V13) equal to the projection: after an event changed a submission, its
 * old contribution is taken off the sums and its new one, read from the projection by the fact views, added, in the
 * transaction that applied the event. A submission's contribution depends only on its own rows, except the items
 * merged into it (并案), so the host before and after the event is refreshed too.
 */
@ApplicationScoped
public class Rollups {

    /** The part sums' figures, each a sum of the parts' 0/1 terms (or counts and days). */
    static final List<String> PART_SUMS = List.of("parts", "assigned", "replied", "on_time", "open_n", "late",
            "days_fixed", "alt_days", "class_a", "class_b", "class_c", "class_d", "contacted", "met", "satisfied",
            "basic", "unsatisfied", "rehandled", "returned", "holding", "ext_requested", "ext_approved", "lead", "co",
            "split", "submitted", "unit_on_time", "unit_open_n", "every_satisfied", "every_basic",
            "every_unsatisfied");
    static final String PART_KEY = "session_id, kind, level, field, key_item, year, reg_day, unit_id, role, unit_name, "
            + "due_day";
    static final String ITEM_KEY = "session_id, kind, level, field, key_item, year, reg_day, scope, unit_id, role, "
            + "mode, proposer_kind, delegation, leader, units, state, due_day";
    /**
     * A submission's rows in the item sums: once for every item (scope A), once per assigned part (P: the unit and
     * its role) and once per role it has a part in (R), so a filter by unit, role or both reads one scope.
     */
    private static final String ITEM_SUM_ROWS = """
            insert into %2$s as s (%3$s, n, merged)
            select o.session_id, o.kind, o.level, o.field, o.key_item, o.year, o.reg_day, x.scope, x.unit_id, x.role,
                   o.mode, o.proposer_kind, o.delegation, o.leader, o.units, o.state,
                   case when o.state = 'OPEN' then cast(o.due_at at time zone 'Asia/Shanghai' as date) end,
                   %4$s count(*), %4$s sum(o.merged)
            from %1$s o
            cross join lateral (select 'A', cast(0 as bigint), cast('' as varchar)
                                union all select 'P', u, r from unnest(o.unit_ids, o.roles) as q(u, r)
                                union all select distinct 'R', cast(0 as bigint), r from unnest(o.roles) as q(r)
                               ) x(scope, unit_id, role)
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17
            on conflict (%3$s) do update set n = s.n + excluded.n, merged = s.merged + excluded.merged""";

    @Inject
    EntityManager em;

    /** The batch being applied on this thread ({@link #once}); null outside one. */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    /** A batch's set of tables and the submissions its writes changed, each with its host before the batch. */
    private record Batch(Target target, Map<Long, Long> hostsBefore) {
    }

    /**
     * Applies a projection write about one submission (none: nothing to refresh) and brings the sums after it; inside
     * {@link #once} on the same tables, only notes the submission and its host before the batch.
     */
    public void around(Target t, Long submissionId, Runnable write) {
        if (submissionId == null) {
            write.run();
            return;
        }
        Batch open = batch.get();
        if (open != null && open.target() == t) {
            if (!open.hostsBefore().containsKey(submissionId)) {
                open.hostsBefore().put(submissionId, host(t, submissionId));
            }
            write.run();
            return;
        }
        Long before = host(t, submissionId);
        write.run();
        Long after = host(t, submissionId);
        // Sorted, so two transactions touching the same sums lock their rows in the same order.
        Set<Long> ids = new TreeSet<>(List.of(submissionId));
        if (before != null) {
            ids.add(before);
        }
        if (after != null) {
            ids.add(after);
        }
        refresh(t, ids);
    }

    /**
     * Applies {@code writes} (many events, one transaction) and brings the sums after them once: each changed
     * submission's contribution is replaced, and so is that of its host before the batch and after it. A host in
     * between needs nothing: the merged item is not in it before the batch nor after, so its sums stand.
     */
    public void once(Target t, Runnable writes) {
        Batch open = new Batch(t, new HashMap<>());
        batch.set(open);
        try {
            writes.run();
        } finally {
            batch.remove();
        }
        if (open.hostsBefore().isEmpty()) {
            return;
        }
        // Sorted, so two transactions touching the same sums lock their rows in the same order.
        Set<Long> ids = new TreeSet<>(open.hostsBefore().keySet());
        open.hostsBefore().values().stream().filter(Objects::nonNull).forEach(ids::add);
        em.createNativeQuery("select merged_into from " + t.table("item")
                + " where submission_id in (:ids) and merged_into is not null")
                .setParameter("ids", open.hostsBefore().keySet()).getResultList()
                .forEach(host -> ids.add(((Number) host).longValue()));
        refresh(t, ids);
    }

    private Long host(Target t, long submissionId) {
        List<?> rows = em.createNativeQuery("select merged_into from " + t.table("item") + " where submission_id = :s")
                .setParameter("s", submissionId).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }

    /**
     * Sums a whole set of tables again from its projection: the items' contributions and sums (migration V15's
     * function). Independent of {@link #refillParts}: the two may run at once, on two connections.
     */
    public void refillItems(Target t) {
        em.createNativeQuery("select cast(stat_item_refill(:prefix) as text)").setParameter("prefix", t.table(""))
                .getSingleResult();
    }

    /** Sums a whole set of tables again from its projection: the unit parts' contributions and sums (V15). */
    public void refillParts(Target t) {
        em.createNativeQuery("select cast(stat_part_refill(:prefix) as text)").setParameter("prefix", t.table(""))
                .getSingleResult();
    }

    /** Replaces the submissions' contributions: the old ones subtracted, the current ones added. */
    void refresh(Target t, Set<Long> ids) {
        String items = t.table("stat_item");
        String itemSums = t.table("stat_item_sum");
        update("with o as (delete from " + items + " where submission_id in (:ids) returning *) "
                + ITEM_SUM_ROWS.formatted("o", itemSums, ITEM_KEY, "-"), ids);
        update("with o as (insert into " + items + " select * from " + t.table("stat_item_fact")
                + " where submission_id in (:ids) returning *) " + ITEM_SUM_ROWS.formatted("o", itemSums, ITEM_KEY, ""),
                ids);
        String parts = t.table("stat_part");
        String partSums = t.table("stat_part_sum");
        update("with o as (delete from " + parts + " where submission_id in (:ids) returning *) "
                + partSums(partSums, true), ids);
        update("with o as (insert into " + parts + " select * from " + t.table("stat_part_fact")
                + " where submission_id in (:ids) returning *) " + partSums(partSums, false), ids);
        // A maximum cannot be subtracted: rows a part left are read again from the parts that are still there.
        em.createNativeQuery("update " + partSums + " s set stale = false, max_fixed = (select max(f.max_fixed) "
                + "from " + parts + " f where " + sameKey() + "), max_alt = (select max(f.max_alt) from " + parts
                + " f where " + sameKey() + ") where s.stale").executeUpdate();
    }

    private void update(String sql, Set<Long> ids) {
        em.createNativeQuery(sql).setParameter("ids", ids).executeUpdate();
    }

    /**
     * The sums of the parts in {@code o}, added or taken off. Adding can only raise a maximum; taking off a part that
     * held it marks the row stale, to be read again from the parts still there.
     */
    private static String partSums(String table, boolean takeOff) {
        String sign = takeOff ? "-" : "";
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" as s (").append(PART_KEY)
                .append(", ").append(String.join(", ", PART_SUMS)).append(", max_fixed, max_alt, stale) select ")
                .append(PART_KEY);
        PART_SUMS.forEach(c -> sql.append(", ").append(sign).append("sum(o.").append(c).append(')'));
        sql.append(", max(o.max_fixed), max(o.max_alt), ").append(takeOff).append(" from o group by ").append(PART_KEY)
                .append(" on conflict (").append(PART_KEY).append(") do update set ");
        PART_SUMS.forEach(c -> sql.append(c).append(" = s.").append(c).append(" + excluded.").append(c).append(", "));
        return sql.append(takeOff
                ? "stale = s.stale or coalesce(excluded.max_fixed >= s.max_fixed, false) "
                        + "or coalesce(excluded.max_alt >= s.max_alt, false)"
                : "max_fixed = greatest(s.max_fixed, excluded.max_fixed), "
                        + "max_alt = greatest(s.max_alt, excluded.max_alt)")
                .toString();
    }

    /**
     * A part of the sum row {@code s}. The columns a counted part always has (its registration's session, kind, field
     * and day, its role) are compared with {@code =}, so the index on them finds the few parts of the row.
     */
    private static String sameKey() {
        StringBuilder sql = new StringBuilder("(f.max_fixed is not null or f.max_alt is not null)");
        for (String c : PART_KEY.split(", ")) {
            boolean always = List.of("session_id", "kind", "field", "key_item", "reg_day", "unit_id", "role")
                    .contains(c);
            sql.append(" and f.").append(c).append(always ? " = s." : " is not distinct from s.").append(c);
        }
        return sql.toString();
    }
}
