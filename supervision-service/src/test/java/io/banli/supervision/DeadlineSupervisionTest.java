package io.banli.supervision;

import static io.banli.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.EventSender;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DeadlineSupervisionTest {

    static final String WORKFLOW = "banli.assignment.workflow";
    static final String ALERTS = "banli.supervision.alerts";
    static final String OVERDUE = "banli.supervision.overdue.v1";
    static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    @Inject
    TestClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void anAssignmentOpensAThreeMonthReplyDeadline() {
        long submission = IDS.incrementAndGet();
        Instant assignedAt = clock.instant();
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        Instant endOfDayThreeMonthsLater = assignedAt.atZone(beijing).toLocalDate().plusMonths(3).plusDays(1)
                .atStartOfDay(beijing).toInstant().minusNanos(1_000);
        assigned(submission, 7, "SOLE", assignedAt.toString());
        awaitDeadline(submission, "OPEN")
                .body("[0].unitId", equalTo(7))
                .body("[0].stage", equalTo("REPLY"))
                .body("[0].dueAt", equalTo(endOfDayThreeMonthsLater.toString()));
    }

    @Test
    void aPassedDeadlineRaisesExactlyOneOverdueAlertAndALateReplyIsRecordedAsLate() {
        long submission = IDS.incrementAndGet();
        Instant assignedAt = clock.instant();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(submission, 8, "LEAD", assignedAt.toString());
            awaitDeadline(submission, "OPEN");

            clock.travel(Duration.ofDays(100));
            ConsumerRecord<String, String> overdue = alerts.await(TopicProbe.ofType(OVERDUE, String.valueOf(submission)));
            assertThat(header(overdue, "ce_source")).isEqualTo("/banli/supervision-service");
            JsonPath data = JsonPath.from(overdue.value());
            assertThat(data.getLong("unitId")).isEqualTo(8);
            assertThat(data.getString("stage")).isEqualTo("REPLY");

            assertThat(alerts.all(TopicProbe.ofType(OVERDUE, String.valueOf(submission)), Duration.ofSeconds(3)))
                    .as("several sweeps ran, one alert").hasSize(1);
            awaitDeadline(submission, "OVERDUE");

            replySubmitted(submission, 8, clock.instant());
            awaitDeadline(submission, "MET").body("[0].metOnTime", equalTo(false));
        }
    }

    @Test
    void aReplyInTimeMeetsTheDeadlineAndNoAlertFollows() {
        long submission = IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(submission, 9, "SOLE", clock.instant().toString());
            awaitDeadline(submission, "OPEN");
            replySubmitted(submission, 9, clock.instant().plus(Duration.ofDays(30)));
            awaitDeadline(submission, "MET").body("[0].metOnTime", equalTo(true));

            clock.travel(Duration.ofDays(200));
            assertThat(alerts.all(TopicProbe.ofType(OVERDUE, String.valueOf(submission)), Duration.ofSeconds(3)))
                    .isEmpty();
        }
    }

    @Test
    void aCoUnitOwesNoReplyDeadline() {
        long submission = IDS.incrementAndGet();
        assigned(submission, 10, "LEAD", clock.instant().toString());
        assigned(submission, 11, "CO", clock.instant().toString());
        awaitDeadline(submission, "OPEN").body("unitId", org.hamcrest.Matchers.contains(10));
    }

    @Test
    void aRedeliveredAssignmentOpensOneDeadline() {
        long submission = IDS.incrementAndGet();
        String eventId = UUID.randomUUID().toString();
        String json = assignedJson(submission, 12, "SOLE", clock.instant().toString());
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), eventId, "banli.assignment.assigned.v1", json);
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), eventId, "banli.assignment.assigned.v1", json);
        replySubmitted(submission, 12, clock.instant());
        // The reply comes after the duplicate on the same partition: once it is applied, so is the duplicate.
        awaitDeadline(submission, "MET");
        given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission).get("/api/v1/deadlines")
                .then().body("", hasSize(1));
    }

    @Test
    void aUnitSeesOnlyItsOwnDeadlines() {
        long submission = IDS.incrementAndGet();
        assigned(submission, 13, "SPLIT", clock.instant().toString());
        assigned(submission, 14, "SPLIT", clock.instant().toString());
        await().untilAsserted(() -> given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission)
                .get("/api/v1/deadlines").then().body("", hasSize(2)));
        given().auth().oauth2(Tokens.unitStaff(13)).queryParam("submissionId", submission).get("/api/v1/deadlines")
                .then().statusCode(200).body("unitId", org.hamcrest.Matchers.contains(13));
        given().auth().oauth2(Tokens.member(1)).get("/api/v1/deadlines").then().statusCode(403);
        given().get("/api/v1/deadlines").then().statusCode(401);
        given().auth().oauth2(Tokens.office()).queryParam("state", "LATE").get("/api/v1/deadlines")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse awaitDeadline(long submission, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .queryParam("submissionId", submission).get("/api/v1/deadlines")
                .then().statusCode(200).body("[0].state", equalTo(state)));
        return given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission)
                .get("/api/v1/deadlines").then();
    }

    private static void assigned(long submission, long unit, String role, String at) {
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), UUID.randomUUID().toString(),
                "banli.assignment.assigned.v1", assignedJson(submission, unit, role, at));
    }

    private static String assignedJson(long submission, long unit, String role, String at) {
        return """
                {"submissionId": %d, "assignmentId": %d, "unitId": %d, "unitName": "测试单位", "mode": "JOINT",
                 "role": "%s", "assignedAt": "%s"}""".formatted(submission, IDS.incrementAndGet(), unit, role, at);
    }

    private static void replySubmitted(long submission, long unit, Instant at) {
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), UUID.randomUUID().toString(),
                "banli.assignment.reply-submitted.v1", """
                {"submissionId": %d, "replyId": 1, "unitId": %d, "resultClass": "A", "fingerprint": "00",
                 "submittedAt": "%s"}""".formatted(submission, unit, at));
    }
}
