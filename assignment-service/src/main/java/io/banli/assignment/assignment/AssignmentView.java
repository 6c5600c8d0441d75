package io.banli.assignment.assignment;

import java.time.Instant;
import java.time.LocalDate;

/** A unit's part in a submission as the API shows it. */
public record AssignmentView(Long id, Long unitId, HandlingMode mode, UnitRole role, AssignmentState state,
        int round, Instant preAssignedAt, boolean adjustmentWindowClosed, Instant assignedAt, Instant signedAt,
        String adjustmentReason, LocalDate extendedUntil, boolean overdue) {
    public static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id, a.unitId, a.mode, a.role, a.state, a.round, a.preAssignedAt,
                a.adjustmentWindowClosed, a.assignedAt, a.signedAt, a.adjustmentReason, a.extendedUntil,
                a.overdue);
    }
}
