package io.banli.reporting.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads the kit's append-only audit log, newest first, optionally of one action. */
@ApplicationScoped
public class AuditService {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<AuditEntry> newest(String action, int limit) {
        List<Object[]> rows = em.createNativeQuery("select id, at, actor, roles, action, subject_type, subject_id, "
                + "detail from audit_log where (cast(:action as varchar) is null or action = cast(:action as varchar)) "
                + "order by id desc limit :n").setParameter("action", action).setParameter("n", limit).getResultList();
        return rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), instant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
