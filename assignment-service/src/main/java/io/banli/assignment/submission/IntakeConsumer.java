package io.banli.assignment.submission;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.assignment.submission.IntakeEvents.SubmissionRegistered;
import io.banli.kit.inbox.Inbox;
import io.banli.kit.inbox.ReceivedEvent;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/** Takes registered submissions into this service, so the office can assign them. */
@ApplicationScoped
public class IntakeConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Incoming("submissions")
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.dispatch(record, Map.of(IntakeEvents.REGISTERED, this::registered));
    }

    private void registered(ReceivedEvent event) {
        SubmissionRegistered registered = event.data(mapper, SubmissionRegistered.class);
        event.require("submissionId, sessionId, number, title, leadProposer", registered.submissionId(),
                registered.sessionId(), registered.number(), registered.title(), registered.leadProposer());
        HandledSubmission submission = new HandledSubmission();
        submission.id = registered.submissionId();
        submission.sessionId = registered.sessionId();
        submission.number = registered.number();
        submission.kind = registered.kind();
        submission.title = registered.title();
        submission.field = registered.field();
        submission.leadProposer = registered.leadProposer().name();
        submission.registeredAt = registered.registeredAt();
        submission.persist();
        Log.debugf("Submission %d is ready for assignment", submission.id);
    }
}
