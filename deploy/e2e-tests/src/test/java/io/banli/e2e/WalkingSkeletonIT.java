package io.banli.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * One submission from filing to reply, through the four packaged services and the real broker,
 * checking each service's own view and each event on the topics as an outside consumer sees it.
 */
class WalkingSkeletonIT {

    static RunningPlatform banli;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        banli = RunningPlatform.shared();
    }


    @Test
    void aSubmissionTravelsFromFilingToReplyThroughAllFourServices() {
        String kafka = banli.platform.kafkaBootstrapServers();
        try (TopicProbe intakeTopic = TopicProbe.open(kafka, "banli.intake.submissions");
                TopicProbe workflowTopic = TopicProbe.open(kafka, "banli.assignment.workflow");
                TopicProbe alertsTopic = TopicProbe.open(kafka, "banli.supervision.alerts")) {

            // The office opens a session, registers a deputy and a unit.
            long session = created(as(Tokens.office(), "intake-service").body(Map.of(
                    "kind", "PEOPLES_CONGRESS", "level", "CITY", "name", "市六届人大三次会议", "year", 2025))
                    .post("/api/v1/sessions"));
            long deputy = created(as(Tokens.office(), "intake-service").body(Map.of(
                    "kind", "DEPUTY", "name", "王建华", "delegation", "东城区代表团", "phone", "13900001001"))
                    .post("/api/v1/members"));
            long unit = created(as(Tokens.office(), "assignment-service").body(Map.of(
                    "name", "市教育局", "kind", "BUREAU")).post("/api/v1/units"));

            // 1. The office enters a paper suggestion: registered, numbered, announced. (Portals draft and file;
            // registering is the office's: PortalStoryIT.)
            long submission = created(as(Tokens.office(), "intake-service").body(Map.of(
                    "kind", "SUGGESTION", "sessionId", session, "title", "关于增加中小学课后服务供给的建议",
                    "body", "建议扩大课后服务覆盖面。", "field", "SOCIAL_LIVELIHOOD", "leadProposerId", deputy))
                    .post("/api/v1/submissions"));
            String key = String.valueOf(submission);
            ConsumerRecord<String, String> registered = intakeTopic.await(
                    TopicProbe.ofType("banli.intake.submission.registered.v1", key));
            assertThat(TopicProbe.header(registered, "ce_subject")).isEqualTo(key);
            assertThat(JsonPath.from(registered.value()).getInt("number")).isEqualTo(1);
            awaitStatistics(session, "REGISTERED");

            // 2. assignment-service took it in; the office assigns it to the unit.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Tokens.office(), "assignment-service")
                    .get("/api/v1/submissions/" + submission).then().statusCode(200));
            as(Tokens.office(), "assignment-service")
                    .body(Map.of("mode", "SOLE", "leadUnitId", unit, "coUnitIds", List.of()))
                    .post("/api/v1/submissions/" + submission + "/assignment").then().statusCode(201);
            ConsumerRecord<String, String> assigned = workflowTopic.await(
                    TopicProbe.ofType("banli.assignment.assigned.v1", key));
            assertThat(JsonPath.from(assigned.value()).getLong("unitId")).isEqualTo(unit);

            // 3. supervision opened the reply deadline; running 100 days ahead, its sweep finds it passed.
            ConsumerRecord<String, String> overdue = alertsTopic.await(
                    TopicProbe.ofType("banli.supervision.overdue.v1", key));
            assertThat(JsonPath.from(overdue.value()).getLong("unitId")).isEqualTo(unit);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Tokens.office(), "supervision-service")
                    .queryParam("submissionId", submission).queryParam("stage", "REPLY")
                    .get("/api/v1/deadlines").then().statusCode(200)
                    .body("[0].state", equalTo("OVERDUE")).body("[0].light", equalTo("RED")));
            awaitStatistics(session, "OVERDUE");

            // The unit signs for it, drafts its reply, its head signs it, the unit submits it.
            String file = "/api/v1/submissions/" + submission;
            as(Tokens.unitStaff(unit), "assignment-service").post(file + "/sign-for").then().statusCode(200);
            int reply = as(Tokens.unitStaff(unit), "assignment-service")
                    .body(Map.of("text", "您提出的建议收悉，现答复如下……", "resultClass", "A"))
                    .post(file + "/replies").then().statusCode(201).extract().path("id");
            as(Tokens.unitHead(unit), "assignment-service").post(file + "/replies/" + reply + "/approval")
                    .then().statusCode(200);
            as(Tokens.unitStaff(unit), "assignment-service").post(file + "/replies/" + reply + "/submission")
                    .then().statusCode(200);
            ConsumerRecord<String, String> replied = workflowTopic.await(
                    TopicProbe.ofType("banli.assignment.reply-submitted.v1", key));
            assertThat(JsonPath.from(replied.value()).getString("resultClass")).isEqualTo("A");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Tokens.office(), "supervision-service")
                    .queryParam("submissionId", submission).queryParam("stage", "REPLY").get("/api/v1/deadlines")
                    .then().body("[0].state", equalTo("MET")));

            // The office accepts the reply and sends it to the proposer.
            as(Tokens.office(), "assignment-service").body("{}").post(file + "/replies/" + reply + "/acceptance")
                    .then().statusCode(200);
            workflowTopic.await(TopicProbe.ofType("banli.assignment.replied.v1", key));

            // 4. reporting counted every step; the single submission is now replied.
            awaitStatistics(session, "REPLIED");
        }
    }

    private static void awaitStatistics(long session, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Tokens.office(), "reporting-service")
                .queryParam("sessionId", session).get("/api/v1/statistics")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("byKind.SUGGESTION", equalTo(1))
                .body("byState." + state, equalTo(1)));
    }

    private static RequestSpecification as(String token, String service) {
        return given().baseUri(banli.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static long created(io.restassured.response.Response response) {
        return response.then().statusCode(201).extract().<Number>path("id").longValue();
    }
}
