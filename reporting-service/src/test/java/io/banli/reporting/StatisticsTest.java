package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class StatisticsTest {

    static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    @Test
    void theFiguresFollowEveryServicesEventsAndAddUp() {
        long session = IDS.incrementAndGet();
        registered(session, "SUGGESTION");
        long assigned = registered(session, "SUGGESTION");
        long overdue = registered(session, "SUGGESTION");
        long replied = registered(session, "SUGGESTION");
        assigned(assigned, 1, "SOLE");
        assigned(overdue, 2, "SOLE");
        overdue(overdue, 2);
        assigned(replied, 3, "SOLE");
        replySubmitted(replied, 3);

        awaitFigures(session, 4).body("byKind.SUGGESTION", equalTo(4)).body("byKind.PROPOSAL", equalTo(0))
                .body("byState.REGISTERED", equalTo(1))
                .body("byState.ASSIGNED", equalTo(1))
                .body("byState.OVERDUE", equalTo(1))
                .body("byState.REPLIED", equalTo(1));
        given().auth().oauth2(Tokens.leader()).queryParam("sessionId", session).queryParam("kind", "PROPOSAL")
                .get("/api/v1/statistics").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eventsOfDifferentTopicsMayArriveInAnyOrder() {
        long session = IDS.incrementAndGet();
        long submission = IDS.incrementAndGet();
        overdue(submission, 5);
        assigned(submission, 5, "SOLE");
        registered(session, submission, "PROPOSAL");
        awaitFigures(session, 1).body("byState.OVERDUE", equalTo(1)).body("byKind.PROPOSAL", equalTo(1));

        replySubmitted(submission, 5);
        awaitFigures(session, 1).body("byState.REPLIED", equalTo(1)).body("byState.OVERDUE", equalTo(0));
    }

    @Test
    void aSubmissionIsRepliedWhenEveryReplyingUnitHasReplied() {
        long session = IDS.incrementAndGet();
        long joint = registered(session, "SUGGESTION");
        assigned(joint, 1, "LEAD");
        assigned(joint, 2, "CO");
        replySubmitted(joint, 1);
        long split = registered(session, "SUGGESTION");
        assigned(split, 3, "SPLIT");
        assigned(split, 4, "SPLIT");
        replySubmitted(split, 3);
        awaitFigures(session, 2).body("byState.REPLIED", equalTo(1)).body("byState.ASSIGNED", equalTo(1));
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        long session = IDS.incrementAndGet();
        long submission = IDS.incrementAndGet();
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            EventSender.cloudEvent("banli.intake.submissions", String.valueOf(submission), eventId,
                    "banli.intake.submission.registered.v1", registeredJson(session, submission, "SUGGESTION"));
        }
        registered(session, "SUGGESTION");
        awaitFigures(session, 2).body("byState.REGISTERED", equalTo(2));
    }

    @Test
    void onlyTheOfficeLeadersAndAuditorsReadStatistics() {
        given().get("/api/v1/statistics").then().statusCode(401);
        given().auth().oauth2(Tokens.unitStaff(1)).get("/api/v1/statistics").then().statusCode(403);
        given().auth().oauth2(Tokens.member(1)).get("/api/v1/statistics").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/statistics").then().statusCode(200);
    }

    @Test
    void badFiltersAreRefusedWithTheirName() {
        given().auth().oauth2(Tokens.office()).queryParam("kind", "PETITION").get("/api/v1/statistics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"))
                .body("detail", equalTo("kind: must be one of SUGGESTION, PROPOSAL"));
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", "third").get("/api/v1/statistics")
                .then().statusCode(400).body("violations[0].field", equalTo("sessionId"));
    }

    private static ValidatableResponse awaitFigures(long session, int total) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .queryParam("sessionId", session).get("/api/v1/statistics")
                .then().statusCode(200).body("total", equalTo(total)));
        return given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/statistics")
                .then();
    }

    private static long registered(long session, String kind) {
        long submission = IDS.incrementAndGet();
        registered(session, submission, kind);
        return submission;
    }

    private static void registered(long session, long submission, String kind) {
        send("banli.intake.submissions", submission, "banli.intake.submission.registered.v1",
                registeredJson(session, submission, kind));
    }

    private static String registeredJson(long session, long submission, String kind) {
        return """
                {"submissionId": %d, "sessionId": %d, "sessionName": "测试会议", "number": 1, "kind": "%s",
                 "title": "关于…的建议", "field": "SOCIAL_LIVELIHOOD",
                 "leadProposer": {"memberId": 1, "name": "王建华", "delegation": "东城区代表团"},
                 "registeredAt": "2025-01-20T02:00:00Z"}""".formatted(submission, session, kind);
    }

    private static void assigned(long submission, long unit, String role) {
        send("banli.assignment.workflow", submission, "banli.assignment.assigned.v1", """
                {"submissionId": %d, "assignmentId": %d, "unitId": %d, "unitName": "单位", "mode": "SOLE",
                 "role": "%s", "assignedAt": "2025-02-10T01:30:00Z"}"""
                .formatted(submission, IDS.incrementAndGet(), unit, role));
    }

    private static void replySubmitted(long submission, long unit) {
        send("banli.assignment.workflow", submission, "banli.assignment.reply-submitted.v1", """
                {"submissionId": %d, "replyId": 1, "unitId": %d, "resultClass": "A", "fingerprint": "00",
                 "submittedAt": "2025-04-01T02:00:00Z"}""".formatted(submission, unit));
    }

    private static void overdue(long submission, long unit) {
        send("banli.supervision.alerts", submission, "banli.supervision.overdue.v1", """
                {"submissionId": %d, "deadlineId": 1, "assignmentId": 1, "unitId": %d, "stage": "REPLY",
                 "dueAt": "2025-05-10T15:59:59Z", "detectedAt": "2025-05-11T01:00:00Z"}""".formatted(submission, unit));
    }

    private static void send(String topic, long submission, String type, String json) {
        EventSender.cloudEvent(topic, String.valueOf(submission), UUID.randomUUID().toString(), type, json);
    }
}
