package io.banli.supervision.action;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.banli.supervision.deadline.SupervisionEvents;
import io.quarkus.panache.common.Parameters;

/** Supervision actions (督办): recorded by the office with their event and audit entry, read by those concerned. */
@ApplicationScoped
@Transactional
public class ActionService {

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    public ActionView record(NewAction request) {
        if (request.submissionId() == null && request.unitId() == null) {
            throw Problems.unprocessable("no-subject", "Name the submission, the unit, or both.");
        }
        SupervisionAction action = new SupervisionAction();
        action.submissionId = request.submissionId();
        action.unitId = request.unitId();
        action.kind = request.kind();
        action.note = request.note();
        action.takenOn = request.takenOn();
        action.recordedAt = change.now();
        action.recordedBy = change.actor();
        action.persist();
        String key = action.submissionId != null ? action.submissionId.toString() : "unit-" + action.unitId;
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.ACTION_RECORDED, key, new ActionRecordedV1(
                action.id, action.submissionId, action.unitId, action.kind.name(), action.takenOn));
        change.audit("supervision-action.recorded", "supervision-action", action.id, action.kind + " " + key);
        return ActionView.of(action);
    }

    /** Newest first; a unit sees the actions about it, a leader those about the key items they lead. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionView> list(Long submissionId, Long unitId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (submissionId != null) {
            where.append(" and submissionId = :submission");
            params.and("submission", submissionId);
        }
        if (caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.AUDITOR)) {
            // A leader follows the key items they lead, and only those.
            where.append(" and submissionId in (select d.submissionId from Deadline d where d.keyItem = true"
                    + " and d.leadingOfficial = :leader)");
            params.and("leader", caller.leaderName().orElse(""));
        }
        Long unit = caller.hasRole(Roles.UNIT_STAFF) || caller.hasRole(Roles.UNIT_HEAD)
                ? caller.unitId().orElse(-1L) : unitId;
        if (unit != null) {
            where.append(" and unitId = :unit");
            params.and("unit", unit);
        }
        return SupervisionAction.<SupervisionAction>find(where + " order by recordedAt desc, id desc", params)
                .page(0, 500).list().stream().map(ActionView::of).toList();
    }
}
