package io.banli.assignment.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.SubmissionState;
import io.banli.assignment.unit.Unit;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Pre-assignment (预交办) and the formal assignment (正式交办). A pre-assignment proposes units and
 * opens the adjustment window; the formal assignment starts every unit's legal clock at one instant.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {

    @Inject
    StateChange change;

    @Inject
    Parts parts;

    /** Proposes the handling mode and units; one {@code pre-assigned} event per unit. */
    public List<Assignment> preAssign(long submissionId, Plan plan) {
        HandledSubmission submission = lockedSubmission(submissionId);
        requireState(submission, SubmissionState.REGISTERED, "pre-assign it");
        List<Assignment> created = create(submission, plan, AssignmentState.PRE_ASSIGNED);
        submission.state = SubmissionState.PRE_ASSIGNED;
        for (Assignment a : created) {
            parts.announcePart(WorkflowEvents.PRE_ASSIGNED, a, submission);
        }
        change.audit("submission.pre-assigned", "submission", submissionId, "REGISTERED → PRE_ASSIGNED: " + plan);
        return created;
    }

    /**
     * The 交办会 proposes hundreds at once: all in one transaction, so a bad line changes nothing and
     * the problem names the line.
     */
    public int preAssignAll(List<PlannedItem> items) {
        for (int i = 0; i < items.size(); i++) {
            PlannedItem item = items.get(i);
            try {
                preAssign(item.submissionId(), item.plan());
            } catch (HttpProblem problem) {
                throw Problems.problem(problem.getStatusCode(), "bulk-item-refused", problem.getTitle(),
                        "items[" + i + "] (submission " + item.submissionId() + "): " + problem.getDetail()
                                + " Nothing was pre-assigned.");
            }
        }
        return items.size();
    }

    /**
     * The formal assignment. With a plan it assigns directly (no pre-assignment); without one it confirms
     * the pre-assignment once every adjustment request is decided.
     */
    public List<Assignment> assign(long submissionId, Plan plan) {
        HandledSubmission submission = lockedSubmission(submissionId);
        List<Assignment> assigned;
        Instant now = change.now();
        if (plan != null) {
            requireState(submission, SubmissionState.REGISTERED, "assign it directly (confirm the pre-assignment "
                    + "with an empty body instead)");
            assigned = create(submission, plan, AssignmentState.ASSIGNED);
        } else {
            requireState(submission, SubmissionState.PRE_ASSIGNED, "confirm a pre-assignment");
            assigned = Parts.live(submissionId);
            for (Assignment a : assigned) {
                if (a.state == AssignmentState.ADJUSTMENT_REQUESTED) {
                    throw Problems.illegalTransition("Unit " + a.unitId + " asked for an adjustment of submission "
                            + submissionId + " (ADJUSTMENT_REQUESTED): decide it first.");
                }
                a.moveTo(AssignmentState.ASSIGNED, "assign it");
            }
        }
        for (Assignment a : assigned) {
            a.assignedAt = now;
            a.assignedBy = change.actor();
            // The adjustment window stays as it was: it counts from the first assignment the unit received,
            // so a direct assignment opens it and a confirmed pre-assignment's runs on (supervision closes it).
            parts.announcePart(WorkflowEvents.ASSIGNED, a, submission);
        }
        String before = submission.state.name();
        submission.state = SubmissionState.ASSIGNED;
        change.audit("submission.assigned", "submission", submissionId, before + " → ASSIGNED: " + assigned.size()
                + " unit(s)");
        return assigned;
    }

    /** Confirms every pre-assigned item of a session that has no undecided adjustment request. */
    public SessionAssignment assignSession(long sessionId) {
        // This service knows a session by the submissions intake registered in it: none, no such session.
        if (HandledSubmission.count("sessionId", sessionId) == 0) {
            throw Problems.problem(404, "not-found", "Not Found", "No submission of session " + sessionId
                    + " was registered.");
        }
        List<Long> assigned = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        List<HandledSubmission> candidates = HandledSubmission.list("sessionId = ?1 and state = ?2 order by number",
                sessionId, SubmissionState.PRE_ASSIGNED);
        for (HandledSubmission s : candidates) {
            if (Assignment.count("submissionId = ?1 and state = ?2", s.id, AssignmentState.ADJUSTMENT_REQUESTED) > 0) {
                waiting.add(s.id);
            } else {
                assign(s.id, null);
                assigned.add(s.id);
            }
        }
        return new SessionAssignment(sessionId, assigned, waiting);
    }

    static HandledSubmission lockedSubmission(long submissionId) {
        HandledSubmission submission = HandledSubmission.findById(submissionId,
                LockModeType.PESSIMISTIC_WRITE);
        if (submission == null) {
            throw Problems.notFound("registered submission", submissionId);
        }
        return submission;
    }

    static void requireState(HandledSubmission submission, SubmissionState expected, String action) {
        if (submission.state != expected) {
            throw Problems.illegalTransition("Submission " + submission.id + " is " + submission.state
                    + ": cannot " + action + ".");
        }
    }

    private List<Assignment> create(HandledSubmission submission, Plan plan, AssignmentState state) {
        List<Assignment> created = new ArrayList<>();
        Instant now = change.now();
        for (Part part : parts(plan)) {
            Unit unit = Unit.requireActive(part.unitId());
            Assignment assignment = new Assignment();
            assignment.submissionId = submission.id;
            assignment.unitId = unit.id;
            assignment.mode = plan.mode();
            assignment.role = part.role();
            assignment.state = state;
            assignment.preAssignedAt = state == AssignmentState.PRE_ASSIGNED ? now : null;
            assignment.persist();
            created.add(assignment);
        }
        return created;
    }

    private record Part(long unitId, UnitRole role) {
    }

    /** Checks the units against the mode and says which role each unit gets. */
    private static List<Part> parts(Plan plan) {
        List<Long> others = plan.coUnitIds() == null ? List.of() : plan.coUnitIds();
        Set<Long> distinct = new LinkedHashSet<>(others);
        distinct.add(plan.leadUnitId());
        if (distinct.size() != others.size() + 1) {
            throw Problems.unprocessable("duplicate-unit", "A unit appears twice in the assignment.");
        }
        List<Part> result = new ArrayList<>();
        switch (plan.mode()) {
            case SOLE -> {
                if (!others.isEmpty()) {
                    throw Problems.unprocessable("mode-mismatch", "A SOLE assignment has one unit and no co-units.");
                }
                result.add(new Part(plan.leadUnitId(), UnitRole.SOLE));
            }
            case JOINT -> {
                if (others.isEmpty()) {
                    throw Problems.unprocessable("mode-mismatch", "A JOINT assignment needs at least one co-unit.");
                }
                result.add(new Part(plan.leadUnitId(), UnitRole.LEAD));
                others.forEach(id -> result.add(new Part(id, UnitRole.CO)));
            }
            case SPLIT -> {
                if (others.isEmpty()) {
                    throw Problems.unprocessable("mode-mismatch", "A SPLIT assignment needs at least two units.");
                }
                result.add(new Part(plan.leadUnitId(), UnitRole.SPLIT));
                others.forEach(id -> result.add(new Part(id, UnitRole.SPLIT)));
            }
            default -> throw new IllegalArgumentException(plan.mode().name());
        }
        return result;
    }
}
