package io.banli.kit.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * A read that turned out to touch something the audit log must show, known only once the object is loaded (a
 * confidential item): the code that finds it marks the request, and {@link AuditedReads} records it with the answer's
 * result like an {@link AuditedRead} operation. Only reads (GET) are recorded this way: a change records its own entry.
 */
@RequestScoped
public class ReadAudit {

    private String subject;
    private String id;

    /** Marks this request as a read of {@code subject} {@code id}; the first mark of a request counts. */
    public void mark(String subject, Object id) {
        if (this.subject == null) {
            this.subject = subject;
            this.id = String.valueOf(id);
        }
    }

    String subject() {
        return subject;
    }

    String id() {
        return id;
    }
}
