package io.banli.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The dead-letter path of the packaged services: a record no consumer can ever process goes to the
 * dead-letter topic with its reason and its original headers while every partition keeps flowing, and a
 * record dead-lettered because what it depends on was missing is re-driven through the operations API
 * once the cause is fixed, applied once however often it is replayed. assignment waits 5 s (not 10 min)
 * for a missing dependency here, so the test need not wait for production's patience.
 */
class DeadLetterIT {

    static final String SUBMISSIONS = "banli.intake.submissions";
    static final String DEAD_LETTERS = "banli.assignment.dead-letter";
    static final String REGISTERED = "banli.intake.submission.registered.v1";
    static final String UPDATED = "banli.intake.submission.updated.v1";

    static RunningPlatform banli;
    static long session;
    static long deputy;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        banli = RunningPlatform.shared();
        session = created(as("intake-service").body(Map.of("kind", "PEOPLES_CONGRESS", "level", "CITY",
                "name", "市七届人大一次会议", "year", 2025)).post("/api/v1/sessions"));
        deputy = created(as("intake-service").body(Map.of("kind", "DEPUTY", "name", "王建华",
                "delegation", "东城区代表团")).post("/api/v1/members"));
    }


    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aPoisonRecordIsDeadLetteredWithItsHeadersAndEveryPartitionKeepsFlowing() throws Exception {
        int partitions;
        try (KafkaProducer<String, String> producer = producer()) {
            partitions = producer.partitionsFor(SUBMISSIONS).size();
        }
        List<String> poisons = new ArrayList<>();
        try (TopicProbe deadLetters = TopicProbe.open(banli.platform.kafkaBootstrapServers(), DEAD_LETTERS)) {
            // One unreadable record at the head of every partition, ahead of the items filed next.
            for (int p = 0; p < partitions; p++) {
                String key = "poison-" + UUID.randomUUID();
                ProducerRecord<String, String> poison = new ProducerRecord<>(SUBMISSIONS, p, key, "{not an event");
                poison.headers().add("x-origin", bytes("dead-letter-it"));
                send(poison);
                poisons.add(key);
            }
            List<Long> filed = new ArrayList<>();
            for (int i = 0; i < 4 * partitions; i++) {
                filed.add(file("关于毒消息之后第" + i + "件建议"));
            }
            // Every item behind the poison reaches assignment: no partition stopped at it.
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(filed).allSatisfy(submission ->
                    as("assignment-service").get("/api/v1/submissions/" + submission).then().statusCode(200)));
            for (String key : poisons) {
                ConsumerRecord<String, String> dead = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(60));
                assertThat(dead.value()).isEqualTo("{not an event");
                assertThat(TopicProbe.header(dead, "x-origin")).as("original headers kept").isEqualTo("dead-letter-it");
                assertThat(reason(dead)).as("the reason goes with it").isNotBlank();
            }
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aRecordDeadLetteredForAMissingItemIsReDrivenOnceTheItemArrives() throws Exception {
        // A real registered event shows the shape intake publishes; the correction below copies it.
        long earlier;
        JsonPath shape;
        try (TopicProbe submissions = TopicProbe.open(banli.platform.kafkaBootstrapServers(), SUBMISSIONS)) {
            earlier = file("关于重新投递之前一件建议");
            shape = new JsonPath(submissions.await(TopicProbe.ofType(REGISTERED, String.valueOf(earlier)),
                    Duration.ofSeconds(60)).value());
        }
        long next = earlier + 1; // the id intake gives the next item it files
        String correction = UUID.randomUUID().toString();
        String corrected = updatedEvent(shape, next, "关于重新投递的建议（更正）");

        try (TopicProbe deadLetters = TopicProbe.open(banli.platform.kafkaBootstrapServers(), DEAD_LETTERS)) {
            // A correction of an item assignment has not taken in: it waits, then is dead-lettered.
            send(cloudEvent(String.valueOf(next), correction, UPDATED, corrected));
            deadLetters.await(r -> correction.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(60));

            // The cause goes away: the item is filed and registered for real, and reaches assignment.
            assertThat(file("关于重新投递的建议")).isEqualTo(next);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    as("assignment-service").get("/api/v1/submissions/" + next).then().statusCode(200));

            Map<String, Object> dead = as("assignment-service").queryParam("limit", 100).get("/api/v1/dead-letters")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("").stream()
                    .filter(d -> correction.equals(d.get("eventId"))).findFirst().orElseThrow();
            assertThat((String) dead.get("reason")).contains("not ready");
            String replay = "/api/v1/dead-letters/" + dead.get("partition") + "/" + dead.get("offset") + "/replay";
            as("assignment-service").post(replay).then().statusCode(200).body("eventId", equalTo(correction));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("assignment-service")
                    .get("/api/v1/submissions/" + next).then().statusCode(200)
                    .body("title", equalTo("关于重新投递的建议（更正）")));

            // Replayed a second time, then a later correction of the same item (same key, same partition, so
            // consumed after the replay): once it shows, the replay was consumed before it and the inbox absorbed it.
            as("assignment-service").post(replay).then().statusCode(200);
            send(cloudEvent(String.valueOf(next), UUID.randomUUID().toString(), UPDATED,
                    updatedEvent(shape, next, "关于重新投递的建议（再次更正）")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("assignment-service")
                    .get("/api/v1/submissions/" + next).then().statusCode(200)
                    .body("title", equalTo("关于重新投递的建议（再次更正）")));
            assertThat(audited("submission.updated", next)).as("each correction applied once, the replay not twice")
                    .isEqualTo(2);
            assertThat(audited("dead-letter.replayed", null)).as("each replay audited").isGreaterThanOrEqualTo(2);
        }
    }

    /** The corrected title on the shape of a real registered event, for another item. */
    private static String updatedEvent(JsonPath shape, long submission, String title) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(shape.getMap(""));
        data.put("submissionId", submission);
        data.put("title", title);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProducerRecord<String, String> cloudEvent(String subject, String id, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(SUBMISSIONS, subject, json);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id)).add("ce_type", bytes(type))
                .add("ce_source", bytes("/banli/e2e")).add("ce_subject", bytes(subject))
                .add("ce_time", bytes(Instant.now().toString())).add("content-type", bytes("application/json"));
        return record;
    }

    private static String reason(ConsumerRecord<String, String> dead) {
        for (var header : dead.headers()) {
            if (header.key().toLowerCase().contains("reason")) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static long audited(String action, Long subject) throws Exception {
        try (Connection db = DriverManager.getConnection(banli.platform.jdbcUrl("assignment"), "postgres", "");
                PreparedStatement q = db.prepareStatement("select count(*) from audit_log where action = ? "
                        + "and (cast(? as text) is null or subject_id = ?)")) {
            q.setString(1, action);
            q.setString(2, subject == null ? null : subject.toString());
            q.setString(3, subject == null ? null : subject.toString());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, banli.platform.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void send(ProducerRecord<String, String> record) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static long file(String title) {
        return created(as("intake-service").body(Map.of("kind", "SUGGESTION", "sessionId", session, "title", title,
                "body", "建议内容。", "field", "SOCIAL_LIVELIHOOD", "leadProposerId", deputy))
                .post("/api/v1/submissions"));
    }

    private static RequestSpecification as(String service) {
        return given().baseUri(banli.url(service)).auth().oauth2(Tokens.office()).contentType(ContentType.JSON);
    }

    private static long created(io.restassured.response.Response response) {
        return response.then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
