package io.banli.intake.audit;

import java.time.Instant;

/** What the audit log shows. */
public final class AuditApi {

    private AuditApi() {
    }

    /** One entry: who (user and roles), when, what, on which subject; the detail names the states before and after. */
    public record AuditEntry(long id, Instant at, String actor, String roles, String action, String subjectType,
            String subjectId, String detail) {
    }
}
