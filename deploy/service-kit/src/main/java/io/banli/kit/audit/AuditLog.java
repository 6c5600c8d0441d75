package io.banli.kit.audit;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.kit.security.Caller;

/**
 * The append-only record of who changed what. Written in the transaction of the change itself, so
 * there is no change without its entry; the table refuses updates and deletes.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * @param action      what happened, e.g. {@code submission.registered}
     * @param subjectType e.g. {@code submission}
     * @param detail      free text without personal data
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, Object subjectId, String detail) {
        em.createNativeQuery("""
                insert into audit_log (at, actor, roles, action, subject_type, subject_id, detail)
                values (:at, :actor, :roles, :action, :type, :id, :detail)""")
                .setParameter("at", clock.instant())
                .setParameter("actor", caller.name())
                .setParameter("roles", caller.roles())
                .setParameter("action", action)
                .setParameter("type", subjectType)
                .setParameter("id", String.valueOf(subjectId))
                .setParameter("detail", detail)
                .executeUpdate();
    }
}
