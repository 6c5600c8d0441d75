package io.banli.assignment.assignment;

import java.util.Map;
import java.util.Set;

/**
 * A unit's handling state, and the one place that says which transition is allowed from which
 * state. Everything else asks here and refuses with 409 otherwise.
 */
public enum AssignmentState {
    ASSIGNED,
    SUBMITTED;

    private static final Map<AssignmentState, Set<AssignmentState>> NEXT = Map.of(
            ASSIGNED, Set.of(SUBMITTED),
            SUBMITTED, Set.of());

    public boolean canMoveTo(AssignmentState next) {
        return NEXT.get(this).contains(next);
    }
}
