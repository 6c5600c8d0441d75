package io.banli.reporting.projection;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.inbox.Inbox;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.reporting.projection.ProjectedEvents.Assigned;
import io.banli.reporting.projection.ProjectedEvents.Overdue;
import io.banli.reporting.projection.ProjectedEvents.Registered;
import io.banli.reporting.projection.ProjectedEvents.ReplySubmitted;
import io.smallrye.common.annotation.Blocking;

/**
 * Applies every service's events to the projection. Each event writes only the facts it carries
 * (an upsert), so the result is the same in whatever order events of different topics arrive.
 */
@ApplicationScoped
public class Projector {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Incoming("events")
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.dispatch(record, Map.of(
                ProjectedEvents.REGISTERED, event -> registered(event, event.data(mapper, Registered.class)),
                ProjectedEvents.ASSIGNED, event -> assigned(event, event.data(mapper, Assigned.class)),
                ProjectedEvents.REPLY_SUBMITTED, event -> replied(event, event.data(mapper, ReplySubmitted.class)),
                ProjectedEvents.OVERDUE, event -> overdue(event, event.data(mapper, Overdue.class))));
    }

    private void assigned(ReceivedEvent event, Assigned a) {
        event.require("submissionId, unitId, role, assignedAt", a.submissionId(), a.unitId(), a.role(), a.assignedAt());
        unitFact(a.submissionId(), a.unitId(), Map.of("role", a.role(), "assigned_at", a.assignedAt()));
    }

    private void replied(ReceivedEvent event, ReplySubmitted r) {
        event.require("submissionId, unitId, resultClass, submittedAt", r.submissionId(), r.unitId(), r.resultClass(),
                r.submittedAt());
        unitFact(r.submissionId(), r.unitId(), Map.of("result_class", r.resultClass(), "replied_at", r.submittedAt()));
    }

    private void overdue(ReceivedEvent event, Overdue o) {
        event.require("submissionId, unitId, detectedAt", o.submissionId(), o.unitId(), o.detectedAt());
        unitFact(o.submissionId(), o.unitId(), Map.of("overdue_at", o.detectedAt()));
    }

    private void registered(ReceivedEvent event, Registered r) {
        event.require("submissionId, sessionId, kind, field, registeredAt", r.submissionId(), r.sessionId(), r.kind(),
                r.field(), r.registeredAt());
        em.createNativeQuery("""
                insert into submission_fact (submission_id, session_id, kind, field, registered_at)
                values (:id, :session, :kind, :field, :at) on conflict (submission_id) do nothing""")
                .setParameter("id", r.submissionId())
                .setParameter("session", r.sessionId())
                .setParameter("kind", r.kind())
                .setParameter("field", r.field())
                .setParameter("at", r.registeredAt())
                .executeUpdate();
    }

    /**
     * Creates the unit's row if this is the first event about it, then sets the given columns (names
     * are constants of this class, never input).
     */
    private void unitFact(long submissionId, long unitId, Map<String, Object> columns) {
        em.createNativeQuery("insert into unit_fact (submission_id, unit_id) values (:s, :u) on conflict do nothing")
                .setParameter("s", submissionId).setParameter("u", unitId).executeUpdate();
        String set = columns.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
        Query update = em.createNativeQuery("update unit_fact set " + set + " where submission_id = :s and unit_id = :u")
                .setParameter("s", submissionId).setParameter("u", unitId);
        columns.forEach(update::setParameter);
        update.executeUpdate();
    }
}
