package io.banli.assignment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.restassured.http.ContentType;

/** Test data as the other services and the office would create it. */
public final class AssignmentFixtures {

    static final String INTAKE_TOPIC = "banli.intake.submissions";
    static final String REGISTERED = "banli.intake.submission.registered.v1";
    static final String WORKFLOW_TOPIC = "banli.assignment.workflow";

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    private AssignmentFixtures() {
    }

    public static long unit(String name) {
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("name", name + "-" + IDS.incrementAndGet(), "kind", "BUREAU"))
                .post("/api/v1/units").then().statusCode(201).extract().path("id")).longValue();
    }

    /** The registered event exactly as intake-service publishes it. */
    public static String registeredEvent(long submissionId) {
        return """
                {"submissionId": %d, "sessionId": 1, "sessionName": "市六届人大三次会议", "number": %d,
                 "kind": "SUGGESTION", "title": "关于增加中小学课后服务供给的建议", "field": "SOCIAL_LIVELIHOOD",
                 "leadProposer": {"memberId": 1, "name": "王建华", "delegation": "东城区代表团"},
                 "registeredAt": "2025-01-20T02:00:00Z"}""".formatted(submissionId, submissionId % 1000);
    }

    /** Intake registers a submission; returns its id once this service has taken it in. */
    public static long registeredSubmission() {
        long id = nextSubmissionId();
        EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), UUID.randomUUID().toString(), REGISTERED,
                registeredEvent(id));
        awaitKnown(id);
        return id;
    }

    public static long nextSubmissionId() {
        return IDS.incrementAndGet();
    }

    public static void awaitKnown(long submissionId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .get("/api/v1/submissions/" + submissionId).then().statusCode(200));
    }

    public static void assign(long submissionId, String mode, long lead, Long... others) {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("mode", mode, "leadUnitId", lead, "coUnitIds", List.of(others)))
                .post("/api/v1/submissions/" + submissionId + "/assignment").then().statusCode(201);
    }

    public static Map<String, Object> reply(String resultClass) {
        return Map.of("text", "您提出的建议收悉，现答复如下……", "resultClass", resultClass);
    }
}
