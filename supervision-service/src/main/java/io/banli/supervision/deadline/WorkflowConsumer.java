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
import io.banli.supervision.deadline.WorkflowEvents.ReplySubmitted;
import io.smallrye.common.annotation.Blocking;

/** Opens a unit's reply deadline when it is assigned, and closes it when its reply is submitted. */
@ApplicationScoped
public class WorkflowConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    ReplyDeadlineRule replyRule;

    @Incoming("workflow")
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        // Other workflow events start or stop no deadline yet.
        inbox.dispatch(record, Map.of(
                WorkflowEvents.ASSIGNED, event -> open(event, event.data(mapper, Assigned.class)),
                WorkflowEvents.REPLY_SUBMITTED, event -> meet(event, event.data(mapper, ReplySubmitted.class))));
    }

    private void open(ReceivedEvent event, Assigned assigned) {
        event.require("submissionId, assignmentId, unitId, role, assignedAt", assigned.submissionId(),
                assigned.assignmentId(), assigned.unitId(), assigned.role(), assigned.assignedAt());
        if ("CO".equals(assigned.role())) {
            return; // a co-unit owes an opinion, not a reply; its opinion deadline comes with that stage
        }
        Deadline deadline = new Deadline();
        deadline.submissionId = assigned.submissionId();
        deadline.assignmentId = assigned.assignmentId();
        deadline.unitId = assigned.unitId();
        deadline.stage = Stage.REPLY;
        deadline.startsAt = assigned.assignedAt();
        deadline.dueAt = replyRule.dueAt(assigned.assignedAt());
        deadline.state = DeadlineState.OPEN;
        deadline.persist();
    }

    private void meet(ReceivedEvent event, ReplySubmitted submitted) {
        event.require("submissionId, unitId, submittedAt", submitted.submissionId(), submitted.unitId(),
                submitted.submittedAt());
        Deadline.<Deadline>find("submissionId = ?1 and unitId = ?2 and stage = ?3 and state <> ?4",
                submitted.submissionId(), submitted.unitId(), Stage.REPLY, DeadlineState.MET)
                .firstResultOptional()
                .ifPresent(deadline -> {
                    deadline.state = DeadlineState.MET;
                    deadline.metAt = submitted.submittedAt();
                    deadline.metOnTime = !submitted.submittedAt().isAfter(deadline.dueAt);
                });
    }
}
