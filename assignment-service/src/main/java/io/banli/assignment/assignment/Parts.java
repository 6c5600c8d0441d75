package io.banli.assignment.assignment;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.unit.Unit;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;

/**
 * Finds units' parts the way row-level security needs it: a unit reaches only its own part, and
 * anything else answers 404 so ids cannot be probed. Also builds the part events every stage repeats.
 */
@ApplicationScoped
public class Parts {

    @Inject
    Caller caller;

    @Inject
    StateChange change;

    public long callersUnit() {
        return caller.unitId().orElseThrow(() -> Problems.forbidden("The token names no unit."));
    }

    /** The caller's unit's part in the submission (not one it was moved away from). */
    public Assignment ofCaller(long submissionId) {
        long unitId = callersUnit();
        return Assignment.<Assignment>find("submissionId = ?1 and unitId = ?2 and state <> ?3", submissionId, unitId,
                AssignmentState.REASSIGNED).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("submission assigned to unit " + unitId + ",", submissionId));
    }

    /** Every part of the submission still in handling, in the order they were created. */
    public static List<Assignment> live(long submissionId) {
        return live(List.of(submissionId));
    }

    /** Every part of these submissions still in handling, in the order they were created, in one statement. */
    public static List<Assignment> live(Collection<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        return Assignment.<Assignment>list("submissionId in ?1 order by id", submissionIds).stream()
                .filter(a -> a.state != AssignmentState.REASSIGNED).toList();
    }

    /**
     * Announces a pre-assignment, formal assignment or re-handling of one part. The number it carries is the one
     * people know ({@link HandledSubmission#printedNumber()}): supervision prints it in reminders and notices, as the
     * reply letter does.
     */
    public void announcePart(String type, Assignment a, HandledSubmission s) {
        Unit unit = Unit.findById(a.unitId);
        Object data = switch (type) {
            case WorkflowEvents.PRE_ASSIGNED -> new WorkflowEvents.PreAssignedV1(s.id, s.kind, s.level, s.sessionId,
                    s.printedNumber(), a.id, a.unitId, unit.name, a.mode, a.role, s.keyItem, s.leadingOfficial, a.preAssignedAt);
            case WorkflowEvents.ASSIGNED -> new WorkflowEvents.AssignedV1(s.id, s.kind, s.level, s.sessionId,
                    s.printedNumber(),
                    a.id, a.unitId, unit.name, a.mode, a.role, s.keyItem, s.leadingOfficial, a.assignedAt);
            case WorkflowEvents.REHANDLING_STARTED -> new WorkflowEvents.RehandlingStartedV1(s.id, s.kind, s.level,
                    s.sessionId, s.printedNumber(), a.id, a.unitId, unit.name, a.mode, a.role, s.keyItem,
                    s.leadingOfficial, change.now());
            default -> throw new IllegalArgumentException("Not an event of a part: " + type);
        };
        change.announce(WorkflowEvents.TOPIC, type, s.id.toString(), data);
    }
}
