package io.banli.kit.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;

/**
 * A read that turned out to touch something the audit log must show, known only once the object is loaded (a
 * confidential item): the code that finds it marks the request, and {@link AuditedReads} records it with the answer's
 * result like an {@link AuditedRead} operation. Only reads (GET) are recorded this way: a change records its own entry.
 * A list read marks every item on its page that the log must show, one entry each, so "who saw item X" is one query.
 */
@RequestScoped
public class ReadAudit {

    private String subject;
    private final List<String> ids = new ArrayList<>();

    /** Marks this request as a read of {@code subject} {@code id}; the first mark of a request counts. */
    public void mark(String subject, Object id) {
        markEach(subject, List.of(id));
    }

    /** Marks this request as a read of each of {@code ids} (a page of a list); the first mark of a request counts. */
    public void markEach(String subject, Collection<?> ids) {
        if (this.subject == null && !ids.isEmpty()) {
            this.subject = subject;
            ids.forEach(id -> this.ids.add(String.valueOf(id)));
        }
    }

    String subject() {
        return subject;
    }

    List<String> ids() {
        return ids;
    }
}
