package io.banli.supervision.deadline;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;

/** A withdrawn submission (撤回) stops handling: nothing is owed on it any more, promises included. */
@ApplicationScoped
public class SubmissionConsumer {

    static final String WITHDRAWN = "banli.intake.submission.withdrawn.v1";

    @Inject
    ObjectMapper mapper;

    @Inject
    Deadlines deadlines;

    @Inject
    EventConsumer consumer;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Withdrawn(Long submissionId) {
    }

    @Incoming("submissions")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.dispatch("submissions", record, Map.of(WITHDRAWN, this::withdrawn));
    }

    private void withdrawn(ReceivedEvent event) {
        Withdrawn withdrawn = event.data(mapper, Withdrawn.class);
        event.require("submissionId", withdrawn.submissionId());
        deadlines.closeAll(withdrawn.submissionId(), false, "submission withdrawn");
    }
}
