package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.INTAKE_TOPIC;
import static io.banli.assignment.AssignmentFixtures.REGISTERED;
import static io.banli.assignment.AssignmentFixtures.awaitKnown;
import static io.banli.assignment.AssignmentFixtures.nextSubmissionId;
import static io.banli.assignment.AssignmentFixtures.registeredEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.banli.testing.DatabaseOutage;
import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The consumer's side of the event backbone under faults: a database that refuses connections costs time,
 * never the event; an event that came before what it depends on waits (here 3 s) and is then dead-lettered;
 * a dead-lettered event is re-driven through the operations API once the cause is fixed, and a second replay
 * changes nothing.
 */
@QuarkusTest
class ConsumerFaultTest {

    static final String DEAD_LETTER = "banli.assignment.dead-letter";
    static final String UPDATED = "banli.intake.submission.updated.v1";

    @Inject
    EntityManager em;

    @Test
    void aRecordArrivingWhileTheDatabaseRefusesConnectionsIsAppliedOnceItIsBack() {
        long id = nextSubmissionId();
        String key = String.valueOf(id);
        double retriesBefore = retries();
        try (TopicProbe deadLetters = TopicProbe.open(DEAD_LETTER)) {
            try (DatabaseOutage outage = DatabaseOutage.begin(
                    ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
                EventSender.cloudEvent(INTAKE_TOPIC, key, UUID.randomUUID().toString(), REGISTERED, registeredEvent(id));
                // The consumer is stalled on the database: the pod is not ready, yet alive (no restart).
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                        .statusCode(503).body("checks.find { it.name == 'Event consumers' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'Event consumers' }.data.submissions",
                                containsString("stalled")));
                given().get("/q/health/live").then().statusCode(200);
                // A few attempts failed and were retried, not dead-lettered.
                await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 4);
            }
            awaitKnown(id);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(200));

            // A later event on the same partition is applied too; by then the first would have been dead-lettered
            // (a failed record's dead letter is acknowledged before its partition's next record is applied).
            long marker = nextSubmissionId();
            EventSender.cloudEvent(INTAKE_TOPIC, key, UUID.randomUUID().toString(), REGISTERED,
                    registeredEvent(marker));
            awaitKnown(marker);
            assertThat(deadLetters.present(r -> key.equals(r.key()))).isEmpty();
        }
    }

    @Test
    void aDeadLetteredEventIsReDrivenAfterTheFixAndAppliedOnce() {
        long id = nextSubmissionId();
        String key = String.valueOf(id);
        String update = UUID.randomUUID().toString();
        Map<String, Object> correction = AssignmentFixtures.registered(id);
        correction.put("title", "关于增加课后服务供给的建议（更正）");
        String corrected = Contracts.data(UPDATED, correction);
        try (TopicProbe deadLetters = TopicProbe.open(DEAD_LETTER)) {
            // The correction comes for an item this service never took in: it waits, then is dead-lettered.
            EventSender.cloudEvent(INTAKE_TOPIC, key, update, UPDATED, corrected);
            deadLetters.await(r -> update.equals(TopicProbe.header(r, "ce_id")));

            // The fix: the item's registration arrives (as a replay of its own would).
            EventSender.cloudEvent(INTAKE_TOPIC, key, UUID.randomUUID().toString(), REGISTERED, registeredEvent(id));
            awaitKnown(id);

            JsonPath listed = given().auth().oauth2(Tokens.office()).queryParam("limit", 100)
                    .get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
            Map<String, Object> dead = listed.<Map<String, Object>>getList("").stream()
                    .filter(d -> update.equals(d.get("eventId"))).findFirst().orElseThrow();
            assertThat(dead).containsEntry("originalTopic", INTAKE_TOPIC).containsEntry("eventType", UPDATED)
                    .containsEntry("subject", key);
            assertThat((String) dead.get("reason")).contains("not ready").contains("waited");
            String replay = "/api/v1/dead-letters/" + dead.get("partition") + "/" + dead.get("offset") + "/replay";

            given().auth().oauth2(Tokens.office()).post(replay).then().statusCode(200)
                    .body("eventId", equalTo(update)).body("topic", equalTo(INTAKE_TOPIC));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                    .get("/api/v1/submissions/" + id).then().statusCode(200)
                    .body("title", equalTo("关于增加课后服务供给的建议（更正）")));

            // Replayed again: the inbox knows the event; a marker behind it proves it was consumed.
            given().auth().oauth2(Tokens.office()).post(replay).then().statusCode(200);
            long marker = nextSubmissionId();
            EventSender.cloudEvent(INTAKE_TOPIC, key, UUID.randomUUID().toString(), REGISTERED,
                    registeredEvent(marker));
            awaitKnown(marker);
            assertThat(audited("submission.updated", key)).as("the correction applied once").isEqualTo(1);
            assertThat(audited("dead-letter.replayed", null)).isGreaterThanOrEqualTo(2);
            assertThat(deadLetters.present(r -> update.equals(TopicProbe.header(r, "ce_id"))))
                    .as("dead-lettered once, never again").hasSize(1);
        }
    }

    @Test
    void onlyTheOfficeReDrivesAndAnUnknownRecordIsNotFound() {
        given().auth().oauth2(Tokens.office()).post("/api/v1/dead-letters/0/999999999/replay").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.office()).queryParam("limit", 0).get("/api/v1/dead-letters").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/dead-letters").then().statusCode(403);
        given().get("/api/v1/dead-letters").then().statusCode(401);
    }

    @Test
    void kafkaIsReportedInItsOwnGroupNotInReadiness() {
        given().get("/q/health/group/kafka").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka' }.status", equalTo("UP"));
        JsonPath ready = given().get("/q/health/ready").then().extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class)).contains("Event consumers");
        // SmallRye's own readiness check stays, but no channel reports to it.
        assertThat(ready.getMap("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data"))
                .isNullOrEmpty();
    }

    private double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("banli_consumer_retries_total{") && l.contains(
                "channel=\"submissions\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private long audited(String action, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_log where action = :action and (cast(:subject as text) is null "
                        + "or subject_id = cast(:subject as text))")
                .setParameter("action", action).setParameter("subject", subject).getSingleResult()).longValue());
    }
}
