package io.banli.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The promises of the event section of the README, kept by the packaged services while parts of the
 * platform fail: writes keep succeeding while Kafka is down, a producer killed with a backlog loses
 * nothing, a consumer killed mid-stream applies every event once. Each check reads the services'
 * own state (their REST APIs over their databases) and the topics, never the logs.
 */
class EventBackboneFaultIT {

    static RunningPlatform banli;
    static long session;
    static long deputy;
    static long unit;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        banli = RunningPlatform.shared();
        session = created(as("intake-service").body(Map.of("kind", "PEOPLES_CONGRESS", "level", "CITY",
                "name", "县六届人大三次会议", "year", 2025)).post("/api/v1/sessions"));
        deputy = created(as("intake-service").body(Map.of("kind", "DEPUTY", "name", "王建华",
                "delegation", "东城区代表团")).post("/api/v1/members"));
        unit = created(as("assignment-service").body(Map.of("name", "市卫生健康委员会", "kind", "BUREAU"))
                .post("/api/v1/units"));
    }


    @Test
    void writesSucceedWhileKafkaIsDownAndAProducerKilledWithItsBacklogLosesNothing() {
        List<Long> filed = new ArrayList<>();
        // Opened before the outage: the probe reads from the end the topic had then.
        try (TopicProbe topic = TopicProbe.open(banli.platform.kafkaBootstrapServers(), "banli.intake.submissions")) {
            banli.platform.stopKafka();
            for (int i = 0; i < 20; i++) {
                filed.add(file("关于Kafka停机期间登记第" + i + "件建议"));
            }
            // The events wait in intake's outbox; intake dies before it can relay them.
            banli.kill("intake-service");
            banli.platform.startKafka();
            banli.restart("intake-service");

            for (long submission : filed) {
                topic.await(TopicProbe.ofType("banli.intake.submission.registered.v1", String.valueOf(submission)),
                        Duration.ofSeconds(90));
            }
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(filed).allSatisfy(submission ->
                as("assignment-service").get("/api/v1/submissions/" + submission).then().statusCode(200)));
    }

    @Test
    void aConsumerKilledMidStreamAppliesEveryEventOnce() {
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(file("关于中途重启的消费者第" + i + "件建议"));
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(items).allSatisfy(submission ->
                as("assignment-service").get("/api/v1/submissions/" + submission).then().statusCode(200)));

        for (int i = 0; i < items.size(); i++) {
            if (i == items.size() / 2) {
                // Killed while the first half of the assignments is being applied, the rest arrives meanwhile.
                banli.kill("supervision-service");
            }
            as("assignment-service").body(Map.of("mode", "SOLE", "leadUnitId", unit, "coUnitIds", List.of()))
                    .post("/api/v1/submissions/" + items.get(i) + "/assignment").then().statusCode(201);
        }
        banli.restart("supervision-service");

        // Every assignment opened exactly one sign-for deadline: none lost, none opened twice by a redelivery.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(items).allSatisfy(submission ->
                assertThat(signForDeadlines(submission)).isGreaterThanOrEqualTo(1)));
        assertThat(items).allSatisfy(submission -> assertThat(signForDeadlines(submission)).isEqualTo(1));
    }

    private static int signForDeadlines(long submission) {
        return as("supervision-service").queryParam("submissionId", submission).queryParam("stage", "SIGN_FOR")
                .get("/api/v1/deadlines").then().statusCode(200).extract().jsonPath().getList("").size();
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
}
