package io.banli.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.banli.testing.Contracts;

/**
 * Whole lifecycles of submissions as the three producers publish them, onto their real topics: binary-mode
 * CloudEvents keyed by submission id, each event's data the producer's published example with the story's fields
 * replaced. Filed and registered (five sessions); assigned sole (70 %), joint with one or two co-handling units
 * (25 %) or split between two units (5 %); each part signed for with its reply deadline opened; nine in ten replying
 * parts contact the proposer, submit and send a reply (class A-D, some after the deadline, some overdue first) with
 * the deadline met; six in ten replies rated; half of the fully replied items closed. The same seed gives the same
 * stream. About eleven events per submission.
 */
final class SubmissionLifecycles implements AutoCloseable {

    static final String INTAKE = "banli.intake.submissions";
    static final String WORKFLOW = "banli.assignment.workflow";
    static final String ALERTS = "banli.supervision.alerts";
    static final List<String> TOPICS = List.of(INTAKE, WORKFLOW, ALERTS);

    private static final String[] FIELDS = {"ECONOMY_SCIENCE", "SOCIAL_LIVELIHOOD", "URBAN_CONSTRUCTION_TRANSPORT",
        "AGRICULTURE_RURAL", "POLITICS_LAW", "OTHER"};
    /** The taxonomy's names of the fields, as intake sends them with a registration. */
    private static final String[] FIELD_NAMES = {"经济科技", "社会民生", "城建交通", "农业农村", "政治法律", "其他"};
    private static final String[] CLASSES = {"A", "A", "B", "B", "B", "C", "D"};
    /** The first submissions' events are checked against the published schema in full; the rest reuse their shape. */
    private static final int CHECKED = 300;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer;
    private final Random random = new Random(15);
    private long ids = 10_000_000;
    private long sent;
    private boolean checked = true;

    SubmissionLifecycles(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        producer = new KafkaProducer<>(props);
    }

    /** Sends the lifecycles of {@code n} submissions; returns the number of events sent in all. */
    long send(int n) {
        for (int i = 0; i < n; i++) {
            checked = i < CHECKED;
            lifecycle(1_000_000L + i, i);
        }
        producer.flush();
        return sent;
    }

    private void lifecycle(long id, int i) {
        long session = 1 + i % 5;
        String kind = i % 3 == 0 ? "PROPOSAL" : "SUGGESTION";
        int f = random.nextInt(FIELDS.length);
        String field = FIELDS[f];
        long lead = 1 + random.nextInt(5_000);
        Map<String, Object> proposer = new LinkedHashMap<>();
        proposer.put("memberId", lead);
        proposer.put("name", "代表" + lead);
        proposer.put("delegation", "代表团" + lead % 20);
        proposer.put("kind", kind.equals("PROPOSAL") ? "CPPCC_MEMBER" : "DEPUTY");
        proposer.put("groupType", null);
        List<Long> coSigners = List.of(lead % 5_000 + 1, (lead + 7) % 5_000 + 1);
        String title = "关于第" + id + "号事项的" + (kind.equals("PROPOSAL") ? "提案" : "建议");
        Instant filed = Instant.parse("2025-01-10T02:00:00Z").plus(i % 30, ChronoUnit.DAYS);
        Instant registered = filed.plus(5, ChronoUnit.DAYS);

        Map<String, Object> d = data(id);
        d.put("sessionId", session);
        d.put("kind", kind);
        d.put("title", title);
        d.put("field", field);
        d.put("leadProposer", proposer);
        d.put("coSignerIds", coSigners);
        d.put("groupName", null);
        d.put("filedAt", filed);
        d.put("confidential", false);
        send(INTAKE, id, "banli.intake.submission.filed.v1", d);
        boolean keyItem = random.nextInt(100) == 0;
        d = data(id);
        d.put("sessionId", session);
        d.put("sessionName", "第" + session + "次会议");
        d.put("sessionKind", kind.equals("PROPOSAL") ? "CPPCC" : "PEOPLES_CONGRESS");
        d.put("level", "CITY");
        d.put("year", 2025);
        d.put("number", i / 5 + 1);
        d.put("kind", kind);
        d.put("title", title);
        d.put("field", field);
        d.put("fieldName", FIELD_NAMES[f]);
        d.put("leadProposer", proposer);
        d.put("coSignerIds", coSigners);
        d.put("groupName", null);
        d.put("keyItem", keyItem);
        d.put("leadingOfficial", keyItem ? "张副市长" : null);
        d.put("confidential", random.nextInt(50) == 0);
        d.put("registeredAt", registered);
        send(INTAKE, id, "banli.intake.submission.registered.v1", d);

        int shape = random.nextInt(100);
        String mode = shape < 70 ? "SOLE" : shape < 95 ? "JOINT" : "SPLIT";
        long unit = 1 + random.nextInt(200);
        List<long[]> parts = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        parts.add(new long[] {unit, ++ids});
        roles.add(mode.equals("SOLE") ? "SOLE" : mode.equals("JOINT") ? "LEAD" : "SPLIT");
        int others = mode.equals("SOLE") ? 0 : mode.equals("SPLIT") ? 1 : 1 + random.nextInt(2);
        for (int k = 1; k <= others; k++) {
            parts.add(new long[] {1 + (unit + 13L * k) % 200, ++ids});
            roles.add(mode.equals("JOINT") ? "CO" : "SPLIT");
        }
        Instant assigned = registered.plus(10, ChronoUnit.DAYS);
        Instant due = assigned.plus(90, ChronoUnit.DAYS);
        boolean allReplied = true;
        for (int p = 0; p < parts.size(); p++) {
            long u = parts.get(p)[0];
            long assignment = parts.get(p)[1];
            d = unit(id, u, assignment);
            d.put("kind", kind);
            d.put("level", "CITY");
            d.put("sessionId", session);
            d.put("unitName", "单位" + u);
            d.put("mode", mode);
            d.put("role", roles.get(p));
            d.put("keyItem", keyItem);
            d.put("leadingOfficial", keyItem ? "张副市长" : null);
            d.put("assignedAt", assigned);
            send(WORKFLOW, id, "banli.assignment.assigned.v1", d);
            long deadline = ++ids;
            d = unit(id, u, assignment);
            d.put("deadlineId", deadline);
            d.put("stage", "REPLY");
            d.put("dueAt", due);
            d.put("openedAt", assigned);
            send(ALERTS, id, "banli.supervision.deadline-opened.v1", d);
            d = unit(id, u, assignment);
            d.put("signedAt", assigned.plus(1, ChronoUnit.DAYS));
            send(WORKFLOW, id, "banli.assignment.signed.v1", d);
            if (roles.get(p).equals("CO")) {
                continue; // a co-handling unit sends its opinion to the lead; the lead's reply counts
            }
            if (random.nextInt(10) == 0) {
                allReplied = false;
                if (random.nextBoolean()) {
                    overdue(id, u, assignment, deadline, due);
                }
                continue;
            }
            Instant replied = assigned.plus(30 + random.nextInt(75), ChronoUnit.DAYS);
            if (replied.isAfter(due)) {
                overdue(id, u, assignment, deadline, due);
            }
            d = unit(id, u, assignment);
            d.put("contactId", ++ids);
            d.put("timing", random.nextInt(5) == 0 ? "DURING" : "BEFORE");
            d.put("method", "PHONE");
            d.put("faceToFace", random.nextInt(3) == 0);
            d.put("contactedOn", LocalDate.parse("2025-03-01"));
            d.put("recordedAt", assigned.plus(5, ChronoUnit.DAYS));
            send(WORKFLOW, id, "banli.assignment.contact-recorded.v1", d);
            String resultClass = CLASSES[random.nextInt(CLASSES.length)];
            long reply = ++ids;
            d = unit(id, u, assignment);
            d.put("replyId", reply);
            d.put("round", 1);
            d.put("resultClass", resultClass);
            d.put("fingerprint", "0".repeat(64));
            d.put("submittedAt", replied.minus(2, ChronoUnit.DAYS));
            send(WORKFLOW, id, "banli.assignment.reply-submitted.v1", d);
            d = unit(id, u, assignment);
            d.put("replyId", reply);
            d.put("version", 1);
            d.put("round", 1);
            d.put("resultClass", resultClass);
            d.put("classChangedFrom", null);
            d.put("fingerprint", "0".repeat(64));
            d.put("disclosure", "PUBLIC");
            d.put("text", null);
            d.put("commitments", List.of());
            d.put("recipientIds", List.of(lead));
            d.put("repliedAt", replied);
            send(WORKFLOW, id, "banli.assignment.replied.v1", d);
            d = unit(id, u, null);
            d.put("deadlineId", deadline);
            d.put("stage", "REPLY");
            d.put("dueAt", due);
            d.put("metAt", replied);
            d.put("onTime", !replied.isAfter(due));
            send(ALERTS, id, "banli.supervision.deadline-met.v1", d);
            if (random.nextInt(10) < 6) {
                int r = random.nextInt(20);
                d = unit(id, u, assignment);
                d.put("replyId", reply);
                d.put("round", 1);
                d.put("memberId", lead);
                d.put("rating", r == 0 ? "UNSATISFIED" : r < 4 ? "BASICALLY_SATISFIED" : "SATISFIED");
                d.put("evaluatedAt", replied.plus(10, ChronoUnit.DAYS));
                send(WORKFLOW, id, "banli.assignment.evaluated.v1", d);
            }
        }
        if (allReplied && random.nextBoolean()) {
            d = data(id);
            d.put("outcome", "SATISFIED");
            d.put("followUp", false);
            d.put("closedAt", due.plus(30, ChronoUnit.DAYS));
            send(WORKFLOW, id, "banli.assignment.closed.v1", d);
        }
    }

    private static Map<String, Object> data(long id) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("submissionId", id);
        return d;
    }

    /** The reply of a part went past its deadline: supervision's alert, an hour after the due time. */
    private void overdue(long id, long unit, Long assignment, long deadline, Instant due) {
        Map<String, Object> d = unit(id, unit, assignment);
        d.put("deadlineId", deadline);
        d.put("stage", "REPLY");
        d.put("dueAt", due);
        d.put("detectedAt", due.plus(1, ChronoUnit.HOURS));
        send(ALERTS, id, "banli.supervision.overdue.v1", d);
    }

    private static Map<String, Object> unit(long id, long unit, Long assignment) {
        Map<String, Object> d = data(id);
        if (assignment != null) {
            d.put("assignmentId", assignment);
        }
        d.put("unitId", unit);
        return d;
    }

    private void send(String topic, long id, String type, Map<String, Object> fields) {
        String json;
        if (checked) {
            json = Contracts.data(type, fields); // fails on a field or value the producer does not publish
        } else {
            ObjectNode data = Contracts.example(type);
            fields.forEach((name, value) -> data.set(name, JSON.valueToTree(value)));
            json = data.toString();
        }
        String key = String.valueOf(id);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes(type)).add("ce_source", bytes("/banli/" + topic.split("\\.")[1] + "-service"))
                .add("ce_subject", bytes(key)).add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                throw new IllegalStateException("An event was not acknowledged", e);
            }
        });
        sent++;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
