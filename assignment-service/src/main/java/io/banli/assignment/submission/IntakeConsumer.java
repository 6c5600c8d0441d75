package io.banli.assignment.submission;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.assignment.AssignmentState;
import io.banli.assignment.assignment.Parts;
import io.banli.assignment.assignment.WorkflowEvents;
import io.banli.assignment.submission.IntakeEvents.SubmissionRegistered;
import io.banli.kit.change.StateChange;
import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.EventNotReadyException;
import io.banli.kit.inbox.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;

/** Takes registered submissions into this service, so the office can assign them; stops withdrawn ones. */
@ApplicationScoped
public class IntakeConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    StateChange change;

    @Incoming("submissions")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.dispatch("submissions", record, Map.of(
                IntakeEvents.REGISTERED, this::registered,
                IntakeEvents.UPDATED, this::updated,
                IntakeEvents.WITHDRAWN, this::withdrawn,
                IntakeEvents.MERGED, this::merged));
    }

    private void registered(ReceivedEvent event) {
        SubmissionRegistered registered = event.data(mapper, SubmissionRegistered.class);
        event.require("submissionId, sessionId, number, title, leadProposer", registered.submissionId(),
                registered.sessionId(), registered.number(), registered.title(), registered.leadProposer());
        HandledSubmission submission = new HandledSubmission();
        submission.id = registered.submissionId();
        copy(registered, submission);
        submission.registeredAt = registered.registeredAt();
        submission.persist();
    }

    /** The office corrected the registered item (title, field, key flag, co-signers …): keep the copy true. */
    private void updated(ReceivedEvent event) {
        SubmissionRegistered updated = event.data(mapper, SubmissionRegistered.class);
        event.require("submissionId, sessionId, number, title, leadProposer", updated.submissionId(),
                updated.sessionId(), updated.number(), updated.title(), updated.leadProposer());
        HandledSubmission submission = HandledSubmission.findById(updated.submissionId());
        if (submission == null) {
            // Its registered event is still being retried (or was dead-lettered and awaits its re-drive).
            throw new EventNotReadyException(event, "submission " + updated.submissionId()
                    + " is not registered here yet");
        }
        copy(updated, submission);
        change.audit("submission.updated", "submission", submission.id, "copy refreshed from intake");
    }

    private static void copy(SubmissionRegistered registered, HandledSubmission submission) {
        submission.sessionId = registered.sessionId();
        submission.sessionKind = registered.sessionKind();
        submission.level = registered.level();
        submission.year = registered.year();
        submission.number = registered.number();
        submission.kind = registered.kind();
        submission.title = registered.title();
        submission.field = registered.field();
        submission.leadProposer = registered.leadProposer().name();
        submission.proposerId = registered.leadProposer().memberId();
        submission.coSignerIds = registered.coSignerIds() == null ? new Long[0]
                : registered.coSignerIds().toArray(Long[]::new);
        submission.groupName = registered.groupName();
        submission.keyItem = Boolean.TRUE.equals(registered.keyItem());
        submission.leadingOfficial = registered.leadingOfficial();
        submission.confidential = Boolean.TRUE.equals(registered.confidential());
    }

    /** 撤回: handling stops for every unit; supervision closes the deadlines from the closed event. */
    private void withdrawn(ReceivedEvent event) {
        IntakeEvents.Withdrawn withdrawn = event.data(mapper, IntakeEvents.Withdrawn.class);
        event.require("submissionId", withdrawn.submissionId());
        HandledSubmission submission = HandledSubmission.findById(withdrawn.submissionId());
        if (submission == null || submission.state.isOver()) {
            return;
        }
        for (Assignment part : Parts.live(submission.id)) {
            if (part.state.isLive()) {
                part.moveTo(AssignmentState.WITHDRAWN, "withdraw it");
            }
        }
        String before = submission.state.name();
        submission.state = SubmissionState.WITHDRAWN;
        submission.closedAt = change.now();
        change.announce(WorkflowEvents.TOPIC, WorkflowEvents.CLOSED, submission.id.toString(),
                new WorkflowEvents.ClosedV1(submission.id, "WITHDRAWN", false, submission.closedAt));
        change.audit("submission.withdrawn", "submission", submission.id, before + " → WITHDRAWN");
    }

    /** 并案: the item is handled with another one; it is not assigned on its own. */
    private void merged(ReceivedEvent event) {
        IntakeEvents.Merged merged = event.data(mapper, IntakeEvents.Merged.class);
        event.require("submissionId, intoSubmissionId", merged.submissionId(), merged.intoSubmissionId());
        HandledSubmission submission = HandledSubmission.findById(merged.submissionId());
        if (submission != null && submission.state == SubmissionState.REGISTERED) {
            submission.state = SubmissionState.MERGED;
            change.audit("submission.merged", "submission", submission.id, "REGISTERED → MERGED into "
                    + merged.intoSubmissionId());
        }
    }
}
