package io.banli.intake.handling;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.intake.webhook.WebhookFanOut;
import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;

/**
 * Learns from assignment which units handle which submission (so a unit may read them) and when the
 * first reply went out (after which the proposer can no longer withdraw). Idempotent through the inbox;
 * records it cannot read go to {@code banli.intake.dead-letter}.
 */
@ApplicationScoped
public class AssignmentConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    WebhookFanOut webhooks;

    @Incoming("workflow")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        // Read access and withdrawal first, then the webhook deliveries: all in this one transaction with the
        // inbox record. (A member's progress is reporting's: deploy/docs/decisions.md.)
        Map<String, Consumer<ReceivedEvent>> own = Map.of(AssignmentEvents.ASSIGNED, this::assigned,
                AssignmentEvents.REPLIED, this::replied);
        consumer.dispatch("workflow", record, WebhookFanOut.merged(own, webhooks.handlers(record)));
    }

    private void assigned(ReceivedEvent event) {
        AssignmentEvents.Assigned assigned = event.data(mapper, AssignmentEvents.Assigned.class);
        event.require("submissionId, unitId", assigned.submissionId(), assigned.unitId());
        em.createNativeQuery("""
                insert into unit_assignment (submission_id, unit_id, unit_name, assigned_at)
                values (:s, :u, :name, :at) on conflict (submission_id, unit_id) do nothing""")
                .setParameter("s", assigned.submissionId()).setParameter("u", assigned.unitId())
                .setParameter("name", assigned.unitName()).setParameter("at", assigned.assignedAt())
                .executeUpdate();
    }

    private void replied(ReceivedEvent event) {
        AssignmentEvents.Replied replied = event.data(mapper, AssignmentEvents.Replied.class);
        event.require("submissionId, repliedAt", replied.submissionId(), replied.repliedAt());
        em.createNativeQuery("update submission set replied_at = :at where id = :s and replied_at is null")
                .setParameter("s", replied.submissionId()).setParameter("at", replied.repliedAt()).executeUpdate();
    }
}
