package io.banli.reporting.compilation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.reporting.opendata.OpenData;
import io.banli.reporting.opendata.OpenSubmission;

/**
 * Gathers a session's compilation from the open data's own query, so the compilation can publish
 * nothing the open data does not: no confidential item, no reply not marked public, personal data
 * masked. Every generation is audited, as the annual report's is.
 */
@ApplicationScoped
public class Compilation {

    @Inject
    EntityManager em;

    @Inject
    OpenData openData;

    @Inject
    AuditLog audit;

    @Transactional
    @SuppressWarnings("unchecked")
    public CompiledSession of(long sessionId, String format) {
        // The session is known from any item registered in it, confidential ones too, so a session whose
        // items are all confidential gives an empty compilation, not a 404.
        List<Object[]> session = em.createNativeQuery("""
                select session_name, year from item
                where session_id = :session and registered_at is not null and session_name is not null
                order by registered_at limit 1""").setParameter("session", sessionId).getResultList();
        if (session.isEmpty()) {
            throw Problems.notFound("session", sessionId);
        }
        List<OpenSubmission> items = new ArrayList<>();
        openData.each(sessionId, null, null, items::add);
        Object[] s = session.get(0);
        CompiledSession compiled = new CompiledSession(sessionId, (String) s[0],
                s[1] == null ? null : ((Number) s[1]).intValue(), items);
        audit.record("report.compilation", "session", sessionId, "compilation generated as " + format + ": "
                + items.size() + " public items");
        return compiled;
    }
}
