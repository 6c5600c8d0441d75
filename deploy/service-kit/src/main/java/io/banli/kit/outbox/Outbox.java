package io.banli.kit.outbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Records an event in the same transaction as the state change that caused it (transactional
 * outbox). The {@link OutboxRelay} publishes it to Kafka after commit, so a crash can neither lose
 * an event whose change committed nor publish one whose change rolled back.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Event<OutboxAppended> appended;

    /**
     * @param topic     the producing service's topic
     * @param type      the versioned CloudEvents type, e.g. {@code banli.assignment.assigned.v1}
     * @param subject   the submission id: Kafka key (per-submission order) and {@code ce_subject}
     * @param data      the event record, serialised as JSON
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at, trace_parent)
                values (:id, :topic, :type, :subject, cast(:payload as json), :at, nullif(:trace, ''))""")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("type", type)
                .setParameter("subject", subject)
                .setParameter("payload", json(data))
                .setParameter("at", now)
                .setParameter("trace", traceParent())
                .executeUpdate();
        appended.fire(new OutboxAppended(id));
        return id;
    }

    /**
     * Wakes the relay once the caller's transaction commits, for outbox rows written with SQL of the
     * caller's own (bulk inserts) rather than through {@link #publish}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relayAfterCommit() {
        appended.fire(new OutboxAppended(null));
    }

    /** One event of a batch: its subject (Kafka key and {@code ce_subject}) and its data. */
    public record Pending(String subject, Object data) {
    }

    /**
     * Records many events of one type at once, each row as {@link #publish} writes it, in one JDBC batch (which
     * the driver sends as multi-row inserts when {@code reWriteBatchedInserts} is on): a 10,000-row import
     * writes its events in a few statements rather than 10,000. The relay is woken once, after commit.
     *
     * @return the event ids, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(String topic, String type, List<Pending> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String trace = traceParent();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at, trace_parent)
                    values (?, ?, ?, ?, cast(? as json), ?, ?)""")) {
                for (Pending event : events) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, topic);
                    insert.setString(3, type);
                    insert.setString(4, event.subject());
                    insert.setString(5, json(event.data()));
                    insert.setObject(6, at);
                    insert.setString(7, trace.isEmpty() ? null : trace);
                    insert.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
            }
        });
        appended.fire(new OutboxAppended(ids.get(ids.size() - 1)));
        return ids;
    }

    /**
     * The W3C trace context of the change, kept with the event: the relay publishes later, on its own
     * thread, and sends it as the record's {@code traceparent} so the consumers' spans join the trace.
     */
    private static String traceParent() {
        SpanContext span = Span.current().getSpanContext();
        // Never null: Hibernate cannot type a null parameter of a native query; the SQL turns "" into null.
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : "";
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable: " + data.getClass(), e);
        }
    }
}
