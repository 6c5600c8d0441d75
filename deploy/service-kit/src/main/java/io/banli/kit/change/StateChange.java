package io.banli.kit.change;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.outbox.Outbox;
import io.banli.kit.security.Caller;

/**
 * What every state change needs beside the change itself: the time from the one clock, who makes
 * it, its event in the outbox and its entry in the audit log, all in the caller's transaction.
 */
@ApplicationScoped
public class StateChange {

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public Instant now() {
        return clock.instant();
    }

    /** The user making the change, or {@link Caller#SYSTEM} for work driven by events or the scheduler. */
    public String actor() {
        return caller.name();
    }

    /** Writes the event to the outbox; see {@link Outbox#publish}. */
    public UUID announce(String topic, String type, String subject, Object data) {
        return outbox.publish(topic, type, subject, data);
    }

    /** Writes the audit entry; see {@link AuditLog#record}. */
    public void audit(String action, String subjectType, Object subjectId, String detail) {
        audit.record(action, subjectType, subjectId, detail);
    }
}
