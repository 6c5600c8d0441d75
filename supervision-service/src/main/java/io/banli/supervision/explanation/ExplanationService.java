package io.banli.supervision.explanation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.banli.supervision.deadline.Deadline;
import io.banli.supervision.deadline.DeadlineState;
import io.banli.supervision.deadline.SupervisionEvents;

/**
 * Overdue explanations (超期说明): filed once by the unit that missed a deadline, with their event and audit entry,
 * and never rewritten.
 */
@ApplicationScoped
@Transactional
public class ExplanationService {

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    public ExplanationView file(long deadlineId, NewExplanation request) {
        Deadline deadline = ownDeadline(deadlineId);
        // Only a unit's own duty is explained by the unit (an extension decision is the office's).
        boolean late = deadline.stage.unitDuty() && (deadline.state == DeadlineState.OVERDUE
                || deadline.state == DeadlineState.MET && Boolean.FALSE.equals(deadline.metOnTime));
        if (!late) {
            throw Problems.illegalTransition("Deadline " + deadlineId + " is " + deadline.state
                    + (deadline.state == DeadlineState.MET ? " on time" : "") + ": only a missed deadline is explained.");
        }
        if (OverdueExplanation.count("deadlineId", deadlineId) > 0) {
            throw Problems.illegalTransition("The explanation of deadline " + deadlineId + " is filed already.");
        }
        OverdueExplanation explanation = new OverdueExplanation();
        explanation.deadlineId = deadlineId;
        explanation.text = request.text();
        explanation.filedAt = change.now();
        explanation.filedBy = change.actor();
        explanation.persist();
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.EXPLANATION_FILED,
                deadline.submissionId.toString(), new ExplanationFiledV1(deadline.submissionId, deadline.id,
                        deadline.unitId, deadline.stage.name(), explanation.filedAt));
        change.audit("explanation.filed", "deadline", deadlineId, "unit " + deadline.unitId);
        return ExplanationView.of(explanation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExplanationView read(long deadlineId) {
        ownDeadline(deadlineId);
        return OverdueExplanation.<OverdueExplanation>find("deadlineId", deadlineId).firstResultOptional()
                .map(ExplanationView::of)
                .orElseThrow(() -> Problems.notFound("explanation of deadline", deadlineId));
    }

    /**
     * The deadline, if the caller may see it: the office and auditors all; a leader those of the key
     * items they lead; a unit its own.
     */
    private Deadline ownDeadline(long deadlineId) {
        return Deadline.<Deadline>findByIdOptional(deadlineId)
                .filter(d -> caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.AUDITOR)
                        || caller.hasRole(Roles.LEADER) && d.keyItem
                                && caller.leaderName().filter(name -> name.equals(d.leadingOfficial)).isPresent()
                        || caller.unitId().filter(d.unitId::equals).isPresent())
                .orElseThrow(() -> Problems.notFound("deadline", deadlineId));
    }
}
