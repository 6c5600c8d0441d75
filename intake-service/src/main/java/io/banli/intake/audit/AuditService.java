package io.banli.intake.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.intake.audit.AuditApi.AuditEntry;

/** Reads the kit's append-only audit log, oldest first, optionally for one subject. */
@ApplicationScoped
public class AuditService {

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<AuditEntry> read(String subjectType, String subjectId, int page, int size) {
        String where = (subjectType == null ? "" : " and subject_type = :type") + (subjectId == null ? "" : " and subject_id = :sid");
        var query = em.createNativeQuery("select id, at, actor, roles, action, subject_type, subject_id, detail "
                + "from audit_log where true" + where + " order by id limit :size offset :offset");
        if (subjectType != null) {
            query.setParameter("type", subjectType);
        }
        if (subjectId != null) {
            query.setParameter("sid", subjectId);
        }
        List<Object[]> rows = query.setParameter("size", size).setParameter("offset", (long) page * size).getResultList();
        return rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
