package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/** What intake changes after registration reaches the handling: corrections, and withdrawal. */
@QuarkusTest
class IntakeChangesTest {

    private static final String TOPIC = "banli.intake.submissions";

    @Test
    void aCorrectionByTheOfficeIsShownInTheHandlingFile() {
        long item = registeredSubmission();
        String updated = AssignmentFixtures.registeredEvent(item)
                .replace("关于增加中小学课后服务供给的建议", "关于增加课后服务供给的建议（更正）")
                .replace("\"keyItem\": true", "\"keyItem\": false")
                .replace("\"registeredAt\"", "\"updatedAt\": \"2025-01-25T02:00:00Z\", \"registeredAt\"");
        EventSender.cloudEvent(TOPIC, String.valueOf(item), UUID.randomUUID().toString(),
                "banli.intake.submission.updated.v1", updated);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .get(path(item, "")).then().body("title", equalTo("关于增加课后服务供给的建议（更正）"))
                .body("keyItem", equalTo(false)));
    }

    @Test
    void aWithdrawnItemStopsForEveryUnitAndIsClosed() {
        long item = registeredSubmission();
        long unit = unit("市司法局");
        assign(item, "SOLE", unit);
        try (TopicProbe workflow = TopicProbe.open(AssignmentFixtures.WORKFLOW_TOPIC)) {
            EventSender.cloudEvent(TOPIC, String.valueOf(item), UUID.randomUUID().toString(),
                    "banli.intake.submission.withdrawn.v1", """
                            {"submissionId": %d, "withdrawnAt": "2025-03-01T02:00:00Z"}""".formatted(item));
            workflow.await(TopicProbe.ofType("banli.assignment.closed.v1", String.valueOf(item)));
        }
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("state", equalTo("WITHDRAWN"))
                .body("assignments.state", everyItem(equalTo("WITHDRAWN")));
        given().auth().oauth2(Tokens.unitStaff(unit)).post(path(item, "/sign-for")).then().statusCode(409);
    }
}
