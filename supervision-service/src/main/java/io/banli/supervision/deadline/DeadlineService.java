package io.banli.supervision.deadline;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.kit.http.PageList;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.banli.supervision.rule.Stage;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * The traffic-light list of deadlines, scoped to what the caller may see. Opening, meeting and closing
 * deadlines is {@link Deadlines}' work; this class only reads.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeadlineService {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** Filtered (any filter may be null), soonest due first; {@code missing}: missed without an explanation. */
    public List<DeadlineView> list(Long submissionId, DeadlineState state, Stage stage, Long unitId, Boolean missing,
            int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter(where, params, "submissionId", submissionId);
        filter(where, params, "state", state);
        filter(where, params, "stage", stage);
        filter(where, params, "unitId", unitId);
        if (!caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.AUDITOR)) {
            if (caller.hasRole(Roles.LEADER)) {
                // A leader sees the key items they lead (领衔督办), nothing else; without a name, nothing.
                filter(where, params, "keyItem", true);
                filter(where, params, "leadingOfficial", caller.leaderName().orElse(null));
                if (caller.leaderName().isEmpty()) {
                    return List.of();
                }
            } else {
                filter(where, params, "unitId", caller.unitId().orElse(-1L));
            }
        }
        if (Boolean.TRUE.equals(missing)) {
            where.append(" and (state = :overdueState or (state = :metState and metOnTime = false))"
                    + " and stage in :duties and id not in (select e.deadlineId from OverdueExplanation e)");
            params.and("overdueState", DeadlineState.OVERDUE).and("metState", DeadlineState.MET)
                    .and("duties", Arrays.stream(Stage.values()).filter(Stage::unitDuty).toList());
        }
        PanacheQuery<Deadline> query = Deadline.find(where.toString(), Sort.by("dueAt").and("id"), params);
        List<Deadline> found = query.page(page, size).list();
        Set<Long> warned = warned(found.stream().map(d -> d.id).toList());
        // A page of a plain array: the body is unchanged, the kit adds Link and X-Total-Count.
        return new PageList<>(found.stream().map(d -> DeadlineView.of(d, warned.contains(d.id))).toList(), page, size,
                query.count());
    }

    private static void filter(StringBuilder where, Parameters params, String field, Object value) {
        if (value != null) {
            String name = field + params.map().size();
            where.append(" and ").append(field).append(" = :").append(name);
            params.and(name, value);
        }
    }

    /** The deadlines among these for which a yellow warning has been raised. */
    @SuppressWarnings("unchecked")
    private Set<Long> warned(List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Number> rows = em.createNativeQuery("select distinct deadline_id from deadline_alert "
                + "where deadline_id in (:ids) and fired_at is not null and level like 'YELLOW-%'")
                .setParameter("ids", ids).getResultList();
        Set<Long> warned = new HashSet<>();
        rows.forEach(id -> warned.add(id.longValue()));
        return warned;
    }
}
