package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.proposer;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.submittedReply;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.TopicProbe;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Supervision's alerts, as it publishes them, reach the office's board and close adjustment windows. */
@QuarkusTest
class SupervisionAlertsTest {

    private static final String ALERTS = "banli.supervision.alerts";
    private static final String EXPIRED = "banli.supervision.deadline-expired.v1";

    @Test
    void anOverdueAlertFlagsThePartOnTheBoard() {
        long item = registeredSubmission();
        long unit = unit("市城市管理局");
        assign(item, "SOLE", unit);
        long part = ((Number) given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("assignments[0].id")).longValue();
        String overdue = Contracts.data("banli.supervision.overdue.v1", "submissionId", item, "assignmentId", part,
                "unitId", unit, "stage", "REPLY");
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
        EventSender.event(EXPIRED, String.valueOf(item), Contracts.data(EXPIRED, "submissionId", item,
                "assignmentId", part, "unitId", unit, "stage", "ADJUSTMENT_REQUEST"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.unitStaff(unit))
                .get(path(item, "")).then().body("assignments[0].adjustmentWindowClosed", equalTo(true)));
        given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                .body(Map.of("reason", "不属于我单位职责")).post(path(item, "/adjustment-request")).then()
                .statusCode(409).body("detail", containsString("window"));
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .body("assignments[0].state", equalTo("PRE_ASSIGNED"));
    }

    @Test
    void anEvaluationWindowThatPassesWithoutARatingClosesTheItemUnrated() {
        long item = registeredSubmission();
        long unit = unit("市卫生健康委员会");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        long reply = submittedReply(item, unit, "A");
        accept(item, reply);
        long part = ((Number) given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("assignments[0].id")).longValue();
        try (TopicProbe workflow = TopicProbe.open(AssignmentFixtures.WORKFLOW_TOPIC)) {
            EventSender.event(EXPIRED, String.valueOf(item), Contracts.data(EXPIRED, "submissionId", item,
                    "assignmentId", part, "unitId", unit, "stage", "EVALUATION"));
            JsonPath closed = JsonPath.from(workflow.await(
                    TopicProbe.ofType("banli.assignment.closed.v1", String.valueOf(item))).value());
            // Silence is not satisfaction: the outcome says so, and the rates (ratings only) ignore it.
            assertThat(closed.getString("outcome")).isEqualTo("NOT_EVALUATED");
        }
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("state", equalTo("CLOSED"))
                .body("assignments[0].state", equalTo("CLOSED"));
        // A rating after the window is refused, naming the state.
        given().auth().oauth2(Tokens.member(proposer(item))).contentType(ContentType.JSON)
                .body(Map.of("rating", "SATISFIED")).post(path(item, "/replies/" + reply + "/evaluations")).then()
                .statusCode(409).body("detail", containsString("CLOSED"));
    }
}
