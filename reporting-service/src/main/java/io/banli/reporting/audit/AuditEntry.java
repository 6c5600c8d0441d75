package io.banli.reporting.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the append-only log. */
@Schema(name = "AuditEntry", description = "One entry of the audit log.")
public record AuditEntry(long id, Instant at, String actor, String roles, String action, String subjectType,
        String subjectId, String detail) {
}
