package io.banli.intake.submission;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.outbox.OutboxAppended;

/**
 * Each session's gap-free numbers (第1号, 第2号 …). The number is taken in the registration's last statement,
 * which also writes the registration (state, time, registrar, number, version) onto the item, the registered event
 * and the audit entry: the session's counter row stays locked from that statement until the commit only, so
 * concurrent registrations of one session queue for one statement and a commit, not for each other's whole
 * transactions. A rollback gives the number back, because the counter's update rolls back with everything else.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionNumbers {

    /**
     * Stands for the number in the event's JSON until the statement knows it. Outside a JSON string it cannot be
     * mistaken for anything else: inside one (a title) its quotes would be escaped.
     */
    static final String NUMBER_IN_EVENT = "\"number\":" + Integer.MIN_VALUE;

    static final String NUMBER_IN_AUDIT = "{number}";

    /**
     * The registered event (as written to the outbox) and audit entry, each with a placeholder for the number.
     */
    public record Numbered(UUID eventId, String topic, String type, String aggregateId, String payload,
            String traceParent, Instant at, AuditLog.Entry audit) {

        public Numbered {
            int place = payload.indexOf(NUMBER_IN_EVENT);
            if (place < 0 || place != payload.lastIndexOf(NUMBER_IN_EVENT) || !audit.detail().contains(NUMBER_IN_AUDIT)) {
                throw new IllegalArgumentException("The event and the audit entry must each hold the number's place once");
            }
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Event<OutboxAppended> appended;

    @Inject
    ObjectMapper mapper;

    /**
     * Registers one received item: {@link #assignAll} for a run of one. Returns its number.
     */
    public int assign(long sessionId, long submissionId, Numbered n, Instant registeredAt, String registeredBy) {
        return assignAll(sessionId, List.of(submissionId), List.of(n), registeredAt, registeredBy).get(0);
    }

    /**
     * Registers many received items of one session at once, in the order given: the statement of {@link #assign},
     * taking a run of consecutive numbers from the counter row in one update and writing every item's registration
     * (state, time, registrar, number, version), event and audit entry with it. Hundreds of items cost one round
     * trip instead of several each. The items must be locked and detached (their rows are written here only).
     * Returns the numbers in order.
     */
    public List<Integer> assignAll(long sessionId, List<Long> submissionIds, List<Numbered> announcements,
            Instant registeredAt, String registeredBy) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        ArrayNode rows = mapper.createArrayNode();
        for (int i = 0; i < submissionIds.size(); i++) {
            Numbered n = announcements.get(i);
            rows.addObject().put("ord", i + 1).put("id", submissionIds.get(i)).put("event_id", n.eventId().toString())
                    .put("aggregate", n.aggregateId()).put("payload", n.payload()).put("detail", n.audit().detail())
                    .put("subject_id", n.audit().subjectId());
        }
        Numbered first = announcements.get(0);
        AuditLog.Entry audit = first.audit();
        @SuppressWarnings("unchecked")
        List<Object[]> numbered = em.createNativeQuery("""
                with taken as (
                    insert into submission_counter as c (session_id, next_number) values (:session, :count + 1)
                    on conflict (session_id) do update set next_number = c.next_number + :count
                    returning next_number - :count as first),
                items as (
                    select r.*, taken.first + r.ord - 1 as number
                    from taken, json_to_recordset(cast(:rows as json))
                        as r(ord int, id bigint, event_id uuid, aggregate text, payload text, detail text, subject_id text)),
                numbered as (
                    update submission s set number = items.number, state = 'REGISTERED', registered_at = :registeredAt,
                        registered_by = :registeredBy, version = s.version + 1
                    from items where s.id = items.id and s.state = 'RECEIVED'
                    returning s.id, items.number),
                event as (
                    insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at, trace_parent)
                    select items.event_id, :topic, :type, items.aggregate,
                           cast(replace(items.payload, :eventPlaceholder, '"number":' || items.number) as json), :at,
                           nullif(:trace, '')
                    from items join numbered on numbered.id = items.id
                    order by items.ord),
                audit as (
                    insert into audit_log (at, actor, roles, action, subject_type, subject_id, detail, result,
                        source_address)
                    select :at, :actor, :roles, :action, :subjectType, items.subject_id,
                           replace(items.detail, :auditPlaceholder, cast(items.number as text)), :result,
                           nullif(:source, '')
                    from items join numbered on numbered.id = items.id
                    order by items.ord)
                select id, number from numbered""")
                .setParameter("session", sessionId)
                .setParameter("count", submissionIds.size())
                .setParameter("registeredAt", registeredAt)
                .setParameter("registeredBy", registeredBy)
                .setParameter("rows", rows.toString())
                .setParameter("topic", first.topic())
                .setParameter("type", first.type())
                .setParameter("eventPlaceholder", NUMBER_IN_EVENT)
                .setParameter("at", first.at())
                .setParameter("trace", first.traceParent())
                .setParameter("actor", audit.actor())
                .setParameter("roles", audit.roles())
                .setParameter("action", audit.action())
                .setParameter("subjectType", audit.subjectType())
                .setParameter("auditPlaceholder", NUMBER_IN_AUDIT)
                .setParameter("result", audit.result().name())
                .setParameter("source", audit.sourceAddress() == null ? "" : audit.sourceAddress())
                .getResultList();
        if (numbered.size() != submissionIds.size()) {
            throw new IllegalStateException("Numbered " + numbered.size() + " of " + submissionIds.size() + " items");
        }
        Map<Long, Integer> byId = new HashMap<>();
        numbered.forEach(r -> byId.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        // One wake-up of the relay for the whole run, as the kit's batch publishing does.
        appended.fire(new OutboxAppended(announcements.get(announcements.size() - 1).eventId()));
        return submissionIds.stream().map(byId::get).toList();
    }
}
