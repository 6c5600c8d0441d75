package io.banli.assignment.alert;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.assignment.assignment.Assignment;
import io.banli.assignment.evaluation.EvaluationService;
import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;

/**
 * Supervision owns the deadlines; this service only learns their outcome: an overdue part is flagged on
 * the office's board, an adjustment window that passed refuses late "not ours" requests, and an evaluation
 * window that passed without the proposer's rating closes the part unrated.
 */
@ApplicationScoped
public class AlertConsumer {

    static final String OVERDUE = "banli.supervision.overdue.v1";
    static final String EXPIRED = "banli.supervision.deadline-expired.v1";
    /** Stages whose deadline is the office's duty (deciding an adjustment or an extension request). */
    static final Set<String> OFFICE_STAGES = Set.of("ADJUSTMENT_DECISION", "EXTENSION");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alert(Long submissionId, Long assignmentId, Long unitId, String stage) {
    }

    @Inject
    EventConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    EvaluationService evaluations;

    @Incoming("alerts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.dispatch("alerts", record, Map.of(OVERDUE, this::overdue, EXPIRED, this::expired));
    }

    private void overdue(ReceivedEvent event) {
        Alert alert = event.data(mapper, Alert.class);
        event.require("submissionId, unitId", alert.submissionId(), alert.unitId());
        if (OFFICE_STAGES.contains(alert.stage())) {
            // The office's own decision is late, not the unit's work: the unit's part is not flagged.
            return;
        }
        part(alert).ifPresent(part -> part.overdue = true);
    }

    private void expired(ReceivedEvent event) {
        Alert alert = event.data(mapper, Alert.class);
        event.require("submissionId, unitId, stage", alert.submissionId(), alert.unitId(), alert.stage());
        if ("ADJUSTMENT_REQUEST".equals(alert.stage())) {
            part(alert).ifPresent(part -> part.adjustmentWindowClosed = true);
        } else if ("EVALUATION".equals(alert.stage())) {
            evaluations.windowExpired(alert.submissionId(), alert.assignmentId(), alert.unitId());
        }
    }

    private static java.util.Optional<Assignment> part(Alert alert) {
        if (alert.assignmentId() != null) {
            return Assignment.<Assignment>findByIdOptional(alert.assignmentId());
        }
        return Assignment.<Assignment>find("submissionId = ?1 and unitId = ?2 order by id desc", alert.submissionId(),
                alert.unitId()).firstResultOptional();
    }
}
