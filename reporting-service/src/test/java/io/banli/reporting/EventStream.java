package io.banli.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.banli.reporting.statistics.Labels;
import io.banli.testing.Contracts;
import io.banli.testing.PlatformTestResource;

/**
 * Generates the events the other services publish, each from its producer's published example
 * ({@link Contracts#data}: a field the producer does not publish fails the test), onto the real topics:
 * binary-mode CloudEvents keyed by submission id. Tests describe a session as
 * a story ("registered, assigned to unit 3, replied class A, rated satisfied") instead of JSON.
 */
final class EventStream implements AutoCloseable {

    static final String INTAKE = "banli.intake.submissions";
    static final String WORKFLOW = "banli.assignment.workflow";
    static final String ALERTS = "banli.supervision.alerts";
    static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    private final KafkaProducer<String, String> producer;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();
    final long session = IDS.incrementAndGet();
    /** The session's year and level (a body is a kind and a level; its sessions follow each other by year). */
    int year = 2025;
    String level = "CITY";
    /** Event ids in the order sent, so a test can deliver one again. */
    final List<Sent> history = new ArrayList<>();

    record Sent(String topic, String key, String id, String type, String json) {
    }

    EventStream() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(props);
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** A registered submission of this stream's session. */
    Item registered(String kind, String field) {
        return registered(kind, field, false, false);
    }

    Item registered(String kind, String field, boolean keyItem, boolean confidential) {
        Item item = new Item(nextId(), kind);
        item.register(field, keyItem, confidential);
        return item;
    }

    /** A registered submission with the title a person typed; a key item if it names a leading official. */
    Item registered(String kind, String field, String title, String leadingOfficial) {
        Item item = new Item(nextId(), kind);
        item.title = title;
        item.leadingOfficial = leadingOfficial;
        item.register(field, leadingOfficial != null, false);
        return item;
    }

    /**
     * A registered proposal whose lead proposer is given as intake publishes it ({@code kind} GROUP for a group), with
     * its group label.
     */
    Item registeredBy(Map<String, Object> leadProposer, String groupName) {
        Item item = new Item(nextId(), "PROPOSAL");
        item.leadProposer = leadProposer;
        item.groupName = groupName;
        item.register("OTHER", false, false);
        return item;
    }

    /** A lead proposer as intake publishes it: a deputy, a CPPCC member or a group with its type. */
    static Map<String, Object> proposer(long memberId, String name, String delegation, String kind, String groupType) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("memberId", memberId);
        p.put("name", name);
        p.put("delegation", delegation);
        p.put("kind", kind);
        p.put("groupType", groupType);
        return p;
    }

    /** A submission whose registration has not been sent (yet): for out-of-order stories. */
    Item unregistered(String kind) {
        return new Item(nextId(), kind);
    }

    final class Item {
        final long id;
        final String kind;
        final Map<Long, Long> assignments = new LinkedHashMap<>();
        String title;
        String leadingOfficial = "张副市长";
        /** The field's name in the taxonomy as intake sends it; the built-in name of the code unless set. */
        String fieldName;
        String delegation = "东城区代表团";
        /** The lead proposer as intake sends it; a deputy of {@link #delegation} unless set. */
        Map<String, Object> leadProposer;
        String groupName;

        Item(long id, String kind) {
            this.id = id;
            this.kind = kind;
        }

        Item register(String field, boolean keyItem, boolean confidential) {
            Map<String, Object> d = data();
            d.put("sessionId", session);
            d.put("sessionName", "测试会议" + session);
            d.put("sessionKind", kind.equals("PROPOSAL") ? "CPPCC" : "PEOPLES_CONGRESS");
            d.put("level", level);
            d.put("year", year);
            d.put("number", (int) (id % 1000));
            d.put("kind", kind);
            d.put("title", title != null ? title : "关于第" + id + "号事项的" + (kind.equals("PROPOSAL") ? "提案" : "建议"));
            d.put("field", field);
            d.put("fieldName", fieldName != null ? fieldName : Labels.field(field));
            d.put("leadProposer", leadProposer != null ? leadProposer : proposer(7, "王建华", delegation, "DEPUTY", null));
            d.put("coSignerIds", List.of(8, 9));
            d.put("groupName", groupName);
            d.put("keyItem", keyItem);
            d.put("leadingOfficial", keyItem ? leadingOfficial : null);
            d.put("confidential", confidential);
            d.put("registeredAt", Instant.parse("2025-01-20T02:00:00Z"));
            return send(INTAKE, "banli.intake.submission.registered.v1", d);
        }

        Item withdrawn() {
            Map<String, Object> d = data();
            d.put("withdrawnAt", Instant.parse("2025-03-01T02:00:00Z"));
            return send(INTAKE, "banli.intake.submission.withdrawn.v1", d);
        }

        /** One assigned event per unit, as assignment publishes a formal assignment. */
        Item assigned(String mode, Instant at, long unit, String role) {
            long assignment = nextId();
            assignments.put(unit, assignment);
            Map<String, Object> d = data();
            d.put("kind", kind);
            d.put("level", level);
            d.put("sessionId", session);
            d.put("assignmentId", assignment);
            d.put("unitId", unit);
            d.put("unitName", "单位" + unit);
            d.put("mode", mode);
            d.put("role", role);
            d.put("keyItem", false);
            d.put("leadingOfficial", null);
            d.put("assignedAt", at);
            return send(WORKFLOW, "banli.assignment.assigned.v1", d);
        }

        Item sole(long unit, Instant at) {
            return assigned("SOLE", at, unit, "SOLE");
        }

        Item joint(Instant at, long lead, long... co) {
            assigned("JOINT", at, lead, "LEAD");
            for (long c : co) {
                assigned("JOINT", at, c, "CO");
            }
            return this;
        }

        Item split(Instant at, long... units) {
            for (long u : units) {
                assigned("SPLIT", at, u, "SPLIT");
            }
            return this;
        }

        Item contact(long unit, String timing, String method, boolean faceToFace) {
            Map<String, Object> d = unitData(unit);
            d.put("contactId", nextId());
            d.put("timing", timing);
            d.put("method", method);
            d.put("faceToFace", faceToFace);
            d.put("contactedOn", LocalDate.parse("2025-03-01"));
            d.put("recordedAt", Instant.parse("2025-03-01T02:00:00Z"));
            return send(WORKFLOW, "banli.assignment.contact-recorded.v1", d);
        }

        Item submitted(long unit, String resultClass, Instant at) {
            Map<String, Object> d = unitData(unit);
            d.put("replyId", nextId());
            d.put("round", 1);
            d.put("resultClass", resultClass);
            d.put("fingerprint", "0".repeat(64));
            d.put("submittedAt", at);
            return send(WORKFLOW, "banli.assignment.reply-submitted.v1", d);
        }

        Item returned(long unit, Instant at) {
            Map<String, Object> d = unitData(unit);
            d.put("replyId", nextId());
            d.put("reason", "答复内容不具体");
            d.put("returnedAt", at);
            return send(WORKFLOW, "banli.assignment.reply-returned.v1", d);
        }

        Item replied(long unit, String resultClass, Instant at) {
            return replied(unit, resultClass, at, 1, "PUBLIC");
        }

        Item replied(long unit, String resultClass, Instant at, int round, String disclosure) {
            return replied(unit, resultClass, at, round, disclosure, null);
        }

        /** A sent reply with the text assignment publishes (it sends none for a confidential one). */
        Item replied(long unit, String resultClass, Instant at, int round, String disclosure, String text) {
            return replied(unit, resultClass, at, round, disclosure, text, Map.of());
        }

        /** A sent reply promising commitments: commitment id → the day it is promised for. */
        Item replied(long unit, String resultClass, Instant at, Map<Long, LocalDate> commitments) {
            return replied(unit, resultClass, at, 1, "PUBLIC", null, commitments);
        }

        private Item replied(long unit, String resultClass, Instant at, int round, String disclosure, String text,
                Map<Long, LocalDate> commitments) {
            Map<String, Object> d = unitData(unit);
            d.put("replyId", nextId());
            d.put("version", 1);
            d.put("round", round);
            d.put("resultClass", resultClass);
            d.put("classChangedFrom", null);
            d.put("fingerprint", "0".repeat(64));
            d.put("disclosure", disclosure);
            d.put("text", text);
            d.put("commitments", commitments.entrySet().stream()
                    .map(c -> Map.of("commitmentId", c.getKey(), "promisedOn", c.getValue())).toList());
            d.put("recipientIds", List.of(7, 8, 9));
            d.put("repliedAt", at);
            return send(WORKFLOW, "banli.assignment.replied.v1", d);
        }

        Item evaluated(long unit, int round, long member, String rating) {
            Map<String, Object> d = unitData(unit);
            d.put("replyId", nextId());
            d.put("round", round);
            d.put("memberId", member);
            d.put("rating", rating);
            d.put("evaluatedAt", Instant.parse("2025-06-01T02:00:00Z"));
            return send(WORKFLOW, "banli.assignment.evaluated.v1", d);
        }

        Item rehandling(long unit, Instant at) {
            Map<String, Object> d = unitData(unit);
            d.put("kind", kind);
            d.put("level", level);
            d.put("sessionId", session);
            d.put("unitName", "单位" + unit);
            d.put("mode", "JOINT");
            d.put("role", "LEAD");
            d.put("startedAt", at);
            return send(WORKFLOW, "banli.assignment.rehandling-started.v1", d);
        }

        Item holdingAnswer(long unit) {
            Map<String, Object> d = unitData(unit);
            d.put("recordedAt", Instant.parse("2025-04-01T02:00:00Z"));
            return send(WORKFLOW, "banli.assignment.holding-answer-recorded.v1", d);
        }

        Item extension(long unit, LocalDate until, boolean approved) {
            Map<String, Object> d = unitData(unit);
            d.put("requestedUntil", until);
            d.put("requestedAt", Instant.parse("2025-04-01T02:00:00Z"));
            send(WORKFLOW, "banli.assignment.extension-requested.v1", d);
            Map<String, Object> decided = unitData(unit);
            decided.put("approved", approved);
            decided.put("until", until);
            decided.put("decidedAt", Instant.parse("2025-04-02T02:00:00Z"));
            return send(WORKFLOW, "banli.assignment.extension-decided.v1", decided);
        }

        /** The unit's report on a commitment's progress. */
        Item progressed(long unit, long commitment, int percent, boolean fulfilled, LocalDate on) {
            Map<String, Object> d = unitData(unit);
            d.put("commitmentId", commitment);
            d.put("percent", percent);
            d.put("fulfilled", fulfilled);
            d.put("progressedOn", on);
            d.put("recordedAt", on.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            return send(WORKFLOW, "banli.assignment.commitment-progressed.v1", d);
        }

        /**
         * 并案: intake merged this item (of the given lead proposer, no co-signers) into the host, and assignment
         * closed its own handling as MERGED.
         */
        Item mergedInto(Item host, long proposer) {
            Map<String, Object> d = data();
            d.put("intoSubmissionId", host.id);
            d.put("intoNumber", (int) (host.id % 1000));
            d.put("number", (int) (id % 1000));
            d.put("leadProposerId", proposer);
            d.put("coSignerIds", List.of());
            d.put("mergedAt", Instant.parse("2025-03-01T02:00:00Z"));
            send(INTAKE, "banli.intake.submission.merged.v1", d);
            Map<String, Object> closed = data();
            closed.put("outcome", "MERGED");
            closed.put("followUp", false);
            closed.put("closedAt", Instant.parse("2025-03-01T02:00:01Z"));
            return send(WORKFLOW, "banli.assignment.closed.v1", closed);
        }

        /** Supervision's reply deadline for the unit, recomputed (a calendar change): no alert. */
        Item deadline(long unit, Instant dueAt) {
            Map<String, Object> d = unitData(unit);
            d.remove("assignmentId");
            d.put("deadlineId", nextId());
            d.put("stage", "REPLY");
            d.put("previousDueAt", dueAt.minus(7, java.time.temporal.ChronoUnit.DAYS));
            d.put("dueAt", dueAt);
            d.put("reason", "CALENDAR_CHANGED");
            return send(ALERTS, "banli.supervision.deadline-recomputed.v1", d);
        }

        /** Supervision's red alert for the unit's reply deadline. */
        Item overdue(long unit, Instant dueAt) {
            Map<String, Object> d = unitData(unit);
            d.put("deadlineId", nextId());
            d.put("stage", "REPLY");
            d.put("dueAt", dueAt);
            d.put("detectedAt", dueAt.plusSeconds(3600));
            return send(ALERTS, "banli.supervision.overdue.v1", d);
        }

        private Map<String, Object> data() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("submissionId", id);
            return d;
        }

        private Map<String, Object> unitData(long unit) {
            Map<String, Object> d = data();
            d.put("assignmentId", assignments.getOrDefault(unit, 0L));
            d.put("unitId", unit);
            return d;
        }

        /** The producer's published example of the type with the fields this story gives. */
        /**
         * An event of {@code type} about this item on {@code topic} whose data its reader cannot use (only the
         * submission id): what a producer's bug looks like, sent under a source of its own (not a producer's, whose
         * events the probes hold to their contracts). Returns its event id.
         */
        String unusable(String topic, String type) {
            String eventId = UUID.randomUUID().toString();
            EventStream.this.send(topic, String.valueOf(id), eventId, type, "{\"submissionId\":" + id + "}",
                    "/banli-tests/unusable");
            return eventId;
        }

        private Item send(String topic, String type, Map<String, Object> data) {
            EventStream.this.send(topic, String.valueOf(id), UUID.randomUUID().toString(), type,
                    Contracts.data(type, data));
            return this;
        }
    }

    /** The ids of every event sent so far of these types (each once, redeliveries included). */
    java.util.Set<String> idsOf(java.util.Set<String> types) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        history.stream().filter(s -> types.contains(s.type())).forEach(s -> ids.add(s.id()));
        return ids;
    }

    /** Sends one record again with the id it had: what a redelivery after a rebalance looks like. */
    void redeliver(Sent s) {
        send(s.topic(), s.key(), s.id(), s.type(), s.json());
    }

    private void send(String topic, String key, String id, String type, String json) {
        send(topic, key, id, type, json, "/banli/" + topic.split("\\.")[1] + "-service");
    }

    private void send(String topic, String key, String id, String type, String json, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id)).add("ce_type", bytes(type))
                .add("ce_source", bytes(source)).add("ce_subject", bytes(key))
                .add("ce_time", bytes(Instant.now().toString())).add("content-type", bytes("application/json"));
        history.add(new Sent(topic, key, id, type, json));
        sent.add(producer.send(record));
    }

    /** Waits until the broker has acknowledged everything sent so far. */
    EventStream flush() {
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("An event was not acknowledged", e);
            }
        }
        sent.clear();
        return this;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        flush();
        producer.close();
    }
}
