package io.banli.kit.audit;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.kit.security.Caller;
import io.banli.kit.security.SourceAddress;

/**
 * The append-only record of who did what (MLPS level 3: subject, object, action, result, source address, time).
 * Written in the transaction of the change itself, so there is no change without its entry. The table refuses
 * updates, deletes and TRUNCATE, the running service may only insert and read it, and rows are kept at least
 * 180 days ({@code audit_log_purge}, run by the owner role).
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
        record(action, subjectType, subjectId, detail, AuditResult.SUCCESS);
    }

    /** An act with its result: refusals worth keeping (a wrong client secret) are recorded as {@code DENIED}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, Object subjectId, String detail, AuditResult result) {
        record(new Entry(caller.name(), caller.roles(), SourceAddress.current().orElse(null), action, subjectType,
                String.valueOf(subjectId), detail, result));
    }

    /**
     * An entry whose caller and address were taken from the request beforehand: written where the request's
     * context is gone (a worker thread writing the entry of an answer made on the I/O thread).
     */
    public record Entry(String actor, String roles, String sourceAddress, String action, String subjectType,
            String subjectId, String detail, AuditResult result) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entry entry) {
        em.createNativeQuery("""
                insert into audit_log (at, actor, roles, action, subject_type, subject_id, detail, result, source_address)
                values (:at, :actor, :roles, :action, :type, :id, :detail, :result, :source)""")
                .setParameter("at", clock.instant())
                .setParameter("actor", entry.actor())
                .setParameter("roles", entry.roles())
                .setParameter("action", entry.action())
                .setParameter("type", entry.subjectType())
                .setParameter("id", entry.subjectId())
                .setParameter("detail", entry.detail())
                .setParameter("result", entry.result().name())
                .setParameter("source", entry.sourceAddress())
                .executeUpdate();
    }

    /**
     * Many entries at once, each row as {@link #record(Entry)} writes it, in one JDBC batch (multi-row inserts when
     * the driver rewrites batches): for bulk changes such as an import of thousands of items.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_log (at, actor, roles, action, subject_type, subject_id, detail, result, source_address)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Entry entry : entries) {
                    insert.setObject(1, at);
                    insert.setString(2, entry.actor());
                    insert.setString(3, entry.roles());
                    insert.setString(4, entry.action());
                    insert.setString(5, entry.subjectType());
                    insert.setString(6, entry.subjectId());
                    insert.setString(7, entry.detail());
                    insert.setString(8, entry.result().name());
                    insert.setString(9, entry.sourceAddress());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
