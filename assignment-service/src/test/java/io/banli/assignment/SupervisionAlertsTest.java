package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Supervision's alerts, as it publishes them, reach the office's board and close adjustment windows. */
@QuarkusTest
class SupervisionAlertsTest {

    private static final String ALERTS = "banli.supervision.alerts";

    @Test
    void anOverdueAlertFlagsThePartOnTheBoard() {
        long item = registeredSubmission();
        long unit = unit("市城市管理局");
        assign(item, "SOLE", unit);
        long part = ((Number) given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("assignments[0].id")).longValue();
        String overdue = """
                {"submissionId": %d, "deadlineId": 9, "assignmentId": %d, "unitId": %d, "stage": "REPLY",
                 "dueAt": "2025-05-10T15:59:59Z", "detectedAt": "2025-05-11T01:00:00Z"}""".formatted(item, part, unit);
        String id = UUID.randomUUID().toString();
        EventSender.cloudEvent(ALERTS, String.valueOf(item), id, "banli.supervision.overdue.v1", overdue);
        EventSender.cloudEvent(ALERTS, String.valueOf(item), id, "banli.supervision.overdue.v1", overdue);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .queryParam("overdue", true).get("/api/v1/board").then().statusCode(200)
                .body("items.submissionId", hasItem(item)));
        given().auth().oauth2(Tokens.unitStaff(unit)).get("/api/v1/inbox").then()
                .body("find { it.submissionId == " + item + " }.overdue", equalTo(true));
    }

    @Test
    void anExpiredAdjustmentWindowRefusesALateRequest() {
        long item = registeredSubmission();
        long unit = unit("市商务局");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("mode", "SOLE", "leadUnitId", unit, "coUnitIds", List.of()))
                .post(path(item, "/pre-assignment")).then().statusCode(201);
        long part = ((Number) given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("assignments[0].id")).longValue();
        EventSender.cloudEvent(ALERTS, String.valueOf(item), UUID.randomUUID().toString(),
                "banli.supervision.deadline-expired.v1", """
                        {"submissionId": %d, "deadlineId": 4, "assignmentId": %d, "unitId": %d,
                         "stage": "ADJUSTMENT_REQUEST", "dueAt": "2025-02-12T15:59:59Z",
                         "expiredAt": "2025-02-13T01:00:00Z"}""".formatted(item, part, unit));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.unitStaff(unit))
                .get(path(item, "")).then().body("assignments[0].adjustmentWindowClosed", equalTo(true)));
        given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                .body(Map.of("reason", "不属于我单位职责")).post(path(item, "/adjustment-request")).then()
                .statusCode(409).body("detail", containsString("window"));
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .body("assignments[0].state", equalTo("PRE_ASSIGNED"));
    }
}
