package io.banli.reporting.statistics;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/** Counts submissions by kind and by {@link HandlingState} from the projection. */
@ApplicationScoped
public class StatisticsQuery {

    private static final String PER_SUBMISSION = """
            select s.kind,
                   case when count(u.unit_id) filter (where u.role in ('SOLE', 'LEAD', 'SPLIT')) > 0
                         and count(u.unit_id) filter (where u.role in ('SOLE', 'LEAD', 'SPLIT') and u.replied_at is null) = 0
                        then 'REPLIED'
                        when count(u.unit_id) filter (where u.role in ('SOLE', 'LEAD', 'SPLIT')
                                                        and u.replied_at is null and u.overdue_at is not null) > 0
                        then 'OVERDUE'
                        when count(u.unit_id) filter (where u.role is not null) > 0 then 'ASSIGNED'
                        else 'REGISTERED'
                   end as state
            from submission_fact s left join unit_fact u on u.submission_id = s.submission_id
            where (cast(:session as bigint) is null or s.session_id = cast(:session as bigint))
              and (cast(:kind as varchar) is null or s.kind = cast(:kind as varchar))
            group by s.submission_id, s.kind""";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Statistics count(Long sessionId, String kind) {
        Query query = em.createNativeQuery("select kind, state, count(*) from (" + PER_SUBMISSION + ") x group by 1, 2")
                .setParameter("session", sessionId)
                .setParameter("kind", kind);
        Map<String, Long> byKind = new TreeMap<>(Map.of("SUGGESTION", 0L, "PROPOSAL", 0L));
        Map<HandlingState, Long> byState = new EnumMap<>(HandlingState.class);
        for (HandlingState state : HandlingState.values()) {
            byState.put(state, 0L);
        }
        long total = 0;
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            long n = ((Number) row[2]).longValue();
            byKind.merge((String) row[0], n, Long::sum);
            byState.merge(HandlingState.valueOf((String) row[1]), n, Long::sum);
            total += n;
        }
        return new Statistics(sessionId, kind, total, byKind, byState, clock.instant());
    }
}
