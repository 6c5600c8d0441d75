package io.banli.assignment.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.assignment.WorkflowEvents.AssignedV1;
import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.unit.Unit;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;

@ApplicationScoped
@Transactional
public class AssignmentService {

    @Inject
    StateChange change;

    /**
     * The formal assignment (正式交办): one row and one {@code assigned} event per unit. It starts
     * every unit's legal clock at the same instant.
     */
    public List<Assignment> assign(long submissionId, AssignmentResource.NewAssignment request) {
        HandledSubmission submission = HandledSubmission.<HandledSubmission>findByIdOptional(submissionId)
                .orElseThrow(() -> Problems.notFound("registered submission", submissionId));
        if (Assignment.count("submissionId", submissionId) > 0) {
            throw Problems.illegalTransition("Submission " + submissionId + " is assigned already.");
        }
        List<Assignment> created = new ArrayList<>();
        Instant now = change.now();
        for (var part : parts(request)) {
            Unit unit = Unit.<Unit>findByIdOptional(part.unitId()).filter(u -> u.active).orElseThrow(
                    () -> Problems.unprocessable("unknown-unit", "No active unit with id " + part.unitId() + "."));
            Assignment assignment = new Assignment();
            assignment.submissionId = submission.id;
            assignment.unitId = unit.id;
            assignment.mode = request.mode();
            assignment.role = part.role();
            assignment.state = AssignmentState.ASSIGNED;
            assignment.assignedAt = now;
            assignment.assignedBy = change.actor();
            assignment.persist();
            change.announce(WorkflowEvents.TOPIC, WorkflowEvents.ASSIGNED, submission.id.toString(),
                    new AssignedV1(submission.id, submission.kind, assignment.id, unit.id, unit.name, assignment.mode,
                            assignment.role, now));
            change.audit("submission.assigned", "submission", submission.id, unit.name + " as " + part.role());
            created.add(assignment);
        }
        return created;
    }

    private record Part(long unitId, UnitRole role) {
    }

    /** Checks the units against the mode and says which role each unit gets. */
    private static List<Part> parts(AssignmentResource.NewAssignment request) {
        List<Long> others = request.coUnitIds() == null ? List.of() : request.coUnitIds();
        Set<Long> distinct = new LinkedHashSet<>(others);
        distinct.add(request.leadUnitId());
        if (distinct.size() != others.size() + 1) {
            throw Problems.unprocessable("duplicate-unit", "A unit appears twice in the assignment.");
        }
        List<Part> parts = new ArrayList<>();
        switch (request.mode()) {
            case SOLE -> {
                if (!others.isEmpty()) {
                    throw Problems.unprocessable("mode-mismatch", "A SOLE assignment has one unit and no co-units.");
                }
                parts.add(new Part(request.leadUnitId(), UnitRole.SOLE));
            }
            case JOINT -> {
                if (others.isEmpty()) {
                    throw Problems.unprocessable("mode-mismatch", "A JOINT assignment needs at least one co-unit.");
                }
                parts.add(new Part(request.leadUnitId(), UnitRole.LEAD));
                others.forEach(id -> parts.add(new Part(id, UnitRole.CO)));
            }
            case SPLIT -> {
                if (others.isEmpty()) {
                    throw Problems.unprocessable("mode-mismatch", "A SPLIT assignment needs at least two units.");
                }
                parts.add(new Part(request.leadUnitId(), UnitRole.SPLIT));
                others.forEach(id -> parts.add(new Part(id, UnitRole.SPLIT)));
            }
            default -> throw new IllegalArgumentException(request.mode().name());
        }
        return parts;
    }
}
