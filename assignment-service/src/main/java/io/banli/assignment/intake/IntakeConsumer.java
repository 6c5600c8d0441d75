package io.banli.assignment.intake;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.assignment.assignment.WithdrawalService;
import io.banli.assignment.merge.MergeService;
import io.banli.assignment.submission.IntakeEvents;
import io.banli.assignment.submission.IntakeEvents.SubmissionRegistered;
import io.banli.assignment.submission.SubmissionService;
import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.EventNotReadyException;
import io.banli.kit.inbox.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;

/**
 * Takes registered submissions into this service, so the office can assign them; stops withdrawn and merged ones. It reads
 * and checks intake's events and hands each effect to the service that owns it.
 */
@ApplicationScoped
public class IntakeConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    SubmissionService submissions;

    @Inject
    WithdrawalService withdrawals;

    @Inject
    MergeService merges;

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
        submissions.register(registered);
    }

    private void updated(ReceivedEvent event) {
        SubmissionRegistered updated = event.data(mapper, SubmissionRegistered.class);
        event.require("submissionId, sessionId, number, title, leadProposer", updated.submissionId(),
                updated.sessionId(), updated.number(), updated.title(), updated.leadProposer());
        if (!submissions.update(updated)) {
            // Its registered event is still being retried (or was dead-lettered and awaits its re-drive).
            throw new EventNotReadyException(event, "submission " + updated.submissionId()
                    + " is not registered here yet");
        }
    }

    private void withdrawn(ReceivedEvent event) {
        IntakeEvents.Withdrawn withdrawn = event.data(mapper, IntakeEvents.Withdrawn.class);
        event.require("submissionId", withdrawn.submissionId());
        withdrawals.withdraw(withdrawn.submissionId());
    }

    private void merged(ReceivedEvent event) {
        IntakeEvents.Merged merged = event.data(mapper, IntakeEvents.Merged.class);
        event.require("submissionId, intoSubmissionId", merged.submissionId(), merged.intoSubmissionId());
        merges.merge(merged);
    }
}
