package io.banli.assignment.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.assignment.submission.IntakeEvents.SubmissionRegistered;
import io.banli.kit.inbox.Inbox;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.kit.inbox.UnprocessableEventException;
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
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!IntakeEvents.REGISTERED.equals(event.type()) || !inbox.firstDelivery(event)) {
            return;
        }
        SubmissionRegistered registered = event.data(mapper, SubmissionRegistered.class);
        if (registered.submissionId() == null || registered.sessionId() == null || registered.number() == null
                || registered.title() == null || registered.leadProposer() == null) {
            throw new UnprocessableEventException(event,
                    "submissionId, sessionId, number, title and leadProposer are required");
        }
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
