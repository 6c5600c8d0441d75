package io.banli.assignment.extension;

import java.time.Instant;
import java.time.LocalDate;

/** An extension request and, once decided, its decision. */
public record ExtensionView(Long id, Long unitId, LocalDate requestedUntil, String reason,
        ExtensionRequest.State state, LocalDate decidedUntil, String decisionReason, Instant requestedAt,
        Instant decidedAt) {
    static ExtensionView of(ExtensionRequest r) {
        return new ExtensionView(r.id, r.unitId, r.requestedUntil, r.reason, r.state, r.decidedUntil,
                r.decisionReason, r.requestedAt, r.decidedAt);
    }
}
