package io.banli.supervision.deadline;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.inbox.Inbox;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.supervision.deadline.WorkflowEvents.Assigned;
import io.banli.supervision.deadline.WorkflowEvents.Closed;
import io.banli.supervision.deadline.WorkflowEvents.ExtensionDecided;
import io.banli.supervision.deadline.WorkflowEvents.UnitDone;
import io.smallrye.common.annotation.Blocking;

/** Opens each unit's deadlines at assignment and closes each one when its work is done. */
@ApplicationScoped
public class WorkflowConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Deadlines deadlines;

    @Incoming("workflow")
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.dispatch(record, Map.of(
                WorkflowEvents.ASSIGNED, this::assigned,
                WorkflowEvents.SIGNED, event -> done(event, Stage.SIGN_FOR),
                WorkflowEvents.OPINION_SENT, event -> done(event, Stage.CO_OPINION),
                WorkflowEvents.REPLY_SUBMITTED, event -> done(event, Stage.REPLY),
                WorkflowEvents.EXTENSION_DECIDED, this::extensionDecided,
                WorkflowEvents.REHANDLING_STARTED, this::rehandlingStarted,
                WorkflowEvents.CLOSED, this::closed));
    }

    private void assigned(ReceivedEvent event) {
        Assigned a = event.data(mapper, Assigned.class);
        event.require("submissionId, assignmentId, unitId, role, assignedAt", a.submissionId(), a.assignmentId(),
                a.unitId(), a.role(), a.assignedAt());
        // Every unit signs for its part; a co-unit then owes its opinion, every other unit a reply.
        for (Stage stage : new Stage[] {Stage.SIGN_FOR, "CO".equals(a.role()) ? Stage.CO_OPINION : Stage.REPLY}) {
            deadlines.open(new Deadlines.Opening(a.submissionId(), a.kind(), a.assignmentId(), a.unitId(),
                    a.unitName(), stage, a.assignedAt(), Boolean.TRUE.equals(a.keyItem()), a.leadingOfficial()));
        }
    }

    private void done(ReceivedEvent event, Stage stage) {
        UnitDone done = event.data(mapper, UnitDone.class);
        event.require("submissionId, unitId and the time it was done", done.submissionId(), done.unitId(), done.at());
        deadlines.meet(done.submissionId(), done.unitId(), stage, done.at());
        if (stage == Stage.REPLY) {
            // The second reply is what ends a re-handling.
            deadlines.meet(done.submissionId(), done.unitId(), Stage.REHANDLING, done.at());
        }
        if (stage != Stage.SIGN_FOR) {
            // A unit that sent its opinion or reply has the item: a sign-for still open (its event late or
            // lost) is met by that, so no wrong sign-for alert follows.
            deadlines.meet(done.submissionId(), done.unitId(), Stage.SIGN_FOR, done.at());
        }
    }

    private void rehandlingStarted(ReceivedEvent event) {
        WorkflowEvents.RehandlingStarted r = event.data(mapper, WorkflowEvents.RehandlingStarted.class);
        event.require("submissionId, assignmentId, unitId, startedAt", r.submissionId(), r.assignmentId(), r.unitId(),
                r.startedAt());
        deadlines.open(new Deadlines.Opening(r.submissionId(), r.kind(), r.assignmentId(), r.unitId(), r.unitName(),
                Stage.REHANDLING, r.startedAt(), Boolean.TRUE.equals(r.keyItem()), r.leadingOfficial()));
    }

    private void extensionDecided(ReceivedEvent event) {
        ExtensionDecided decided = event.data(mapper, ExtensionDecided.class);
        event.require("submissionId, unitId, approved", decided.submissionId(), decided.unitId(), decided.approved());
        if (decided.approved()) {
            deadlines.extend(decided.submissionId(), decided.unitId(), Stage.REPLY);
        }
    }

    private void closed(ReceivedEvent event) {
        Closed closed = event.data(mapper, Closed.class);
        event.require("submissionId", closed.submissionId());
        deadlines.closeAll(closed.submissionId());
    }
}
