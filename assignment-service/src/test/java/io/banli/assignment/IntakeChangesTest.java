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
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/** What intake changes after registration reaches the handling: corrections, and withdrawal. */
@QuarkusTest
class IntakeChangesTest {

    private static final String UPDATED = "banli.intake.submission.updated.v1";
    private static final String WITHDRAWN = "banli.intake.submission.withdrawn.v1";

    @Test
    void aCorrectionByTheOfficeIsShownInTheHandlingFile() {
        long item = registeredSubmission();
        Map<String, Object> corrected = AssignmentFixtures.registered(item);
        corrected.put("title", "关于增加课后服务供给的建议（更正）");
        corrected.put("keyItem", false);
        corrected.put("leadingOfficial", null);
        EventSender.event(UPDATED, String.valueOf(item), Contracts.data(UPDATED, corrected));
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
            EventSender.event(WITHDRAWN, String.valueOf(item), Contracts.data(WITHDRAWN, "submissionId", item));
            workflow.await(TopicProbe.ofType("banli.assignment.closed.v1", String.valueOf(item)));
        }
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("state", equalTo("WITHDRAWN"))
                .body("assignments.state", everyItem(equalTo("WITHDRAWN")));
        given().auth().oauth2(Tokens.unitStaff(unit)).post(path(item, "/sign-for")).then().statusCode(409);
    }
}
