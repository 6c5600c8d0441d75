package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.WORKFLOW_TOPIC;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.OutboxMarker;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * 申请调整 after a formal or direct assignment (issue 14): the unit that received the item says "not ours"
 * within its window, before or after signing for it; the office moves the part to another unit, which is
 * formally assigned at once, or keeps it where it was.
 */
@QuarkusTest
class AdjustmentAfterAssignmentTest {

    private static final String P = "banli.assignment.";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anAdjustmentAfterADirectAssignmentMovesThePartToAFormallyAssignedUnit() {
        long item = registeredSubmission();
        long parks = unit("市园林绿化局");
        long housing = unit("市住房和城乡建设局");
        try (TopicProbe workflow = TopicProbe.open(WORKFLOW_TOPIC)) {
            assign(item, "SOLE", parks);
            signFor(item, parks);
            given().auth().oauth2(Tokens.unitStaff(parks)).contentType(ContentType.JSON)
                    .body(Map.of("reason", "小区加装电梯属市住建局职责")).post(path(item, "/adjustment-request"))
                    .then().statusCode(200).body("state", equalTo("ADJUSTMENT_REQUESTED"))
                    .body("adjustmentReason", equalTo("小区加装电梯属市住建局职责"));
            // While the office decides, the unit does not reply on an item it says is not its own.
            given().auth().oauth2(Tokens.unitStaff(parks)).contentType(ContentType.JSON)
                    .body(AssignmentFixtures.reply("A")).post(path(item, "/replies")).then().statusCode(409);

            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("unitId", parks, "decision", "REASSIGN", "newUnitId", housing, "reason", "同意调整"))
                    .post(path(item, "/adjustment-decision")).then().statusCode(200)
                    .body("unitId", equalTo((int) housing)).body("state", equalTo("ASSIGNED"))
                    .body("assignedAt", notNullValue()).body("preAssignedAt", nullValue())
                    .body("adjustmentWindowClosed", equalTo(false));
            given().auth().oauth2(Tokens.office()).get(path(item, "")).then().statusCode(200)
                    .body("state", equalTo("ASSIGNED"))
                    .body("assignments.find { it.unitId == " + parks + " }.state", equalTo("REASSIGNED"))
                    .body("assignments.find { it.unitId == " + housing + " }.state", equalTo("ASSIGNED"));
            // The new unit has the item to sign for at once; the old one has nothing left of it.
            given().auth().oauth2(Tokens.unitStaff(housing)).get("/api/v1/inbox").then().statusCode(200)
                    .body("find { it.submissionId == " + item + " }.nextAction", equalTo("SIGN_FOR"));
            signFor(item, housing);
            given().auth().oauth2(Tokens.unitStaff(parks)).post(path(item, "/sign-for")).then().statusCode(404);

            List<ConsumerRecord<String, String>> events = workflow.until(
                    OutboxMarker.after(WORKFLOW_TOPIC, String.valueOf(item)),
                    r -> r.key().equals(String.valueOf(item)));
            assertThat(events.stream().map(r -> TopicProbe.header(r, "ce_type").substring(P.length())))
                    .containsExactly("assigned.v1", "signed.v1", "adjustment-requested.v1", "adjustment-decided.v1",
                            "assigned.v1", "signed.v1");
            JsonPath requested = data(events, "adjustment-requested.v1", 0);
            assertThat(requested.getLong("unitId")).isEqualTo(parks);
            JsonPath decided = data(events, "adjustment-decided.v1", 0);
            assertThat(decided.getString("decision")).isEqualTo("REASSIGNED");
            assertThat(decided.getLong("newUnitId")).isEqualTo(housing);
            // The new unit's formal assignment carries what supervision opens its clocks with.
            JsonPath moved = data(events, "assigned.v1", 1);
            assertThat(moved.getLong("unitId")).isEqualTo(housing);
            assertThat(moved.getLong("assignmentId")).isEqualTo(decided.getLong("newAssignmentId"));
            assertThat(moved.getString("role")).isEqualTo("SOLE");
            assertThat(moved.getInt("submissionNumber")).isPositive();
            assertThat(moved.getString("unitName")).startsWith("市住房和城乡建设局");
        }
    }

    @Test
    void aKeptRequestAfterAFormalAssignmentLeavesThePartWhereItWasAndAllowsNoSecondObjection() {
        long item = registeredSubmission();
        long water = unit("市水务局");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("mode", "SOLE", "leadUnitId", water, "coUnitIds", List.of()))
                .post(path(item, "/pre-assignment")).then().statusCode(201);
        // Confirmed before the unit said anything: its window, counted from the pre-assignment, runs on.
        given().auth().oauth2(Tokens.office()).post(path(item, "/pre-assignment/confirmation")).then().statusCode(201);
        given().auth().oauth2(Tokens.unitStaff(water)).contentType(ContentType.JSON)
                .body(Map.of("reason", "涉及排水管网改造，建议由市住建局主办")).post(path(item, "/adjustment-request"))
                .then().statusCode(200).body("state", equalTo("ADJUSTMENT_REQUESTED"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("unitId", water, "decision", "KEEP", "reason", "排水设施属该单位职责，维持原交办"))
                .post(path(item, "/adjustment-decision")).then().statusCode(200)
                .body("unitId", equalTo((int) water)).body("state", equalTo("ASSIGNED"))
                .body("adjustmentWindowClosed", equalTo(true));
        given().auth().oauth2(Tokens.unitStaff(water)).contentType(ContentType.JSON)
                .body(Map.of("reason", "再次申请调整")).post(path(item, "/adjustment-request")).then()
                .statusCode(409).body("detail", containsString("window"));
        signFor(item, water);
    }

    @Test
    void theOfficesLateDecisionDoesNotFlagTheUnitAndAnExpiredWindowRefusesASignedUnit() {
        long item = registeredSubmission();
        long culture = unit("市文化广电旅游局");
        assign(item, "SOLE", culture);
        signFor(item, culture);
        long part = ((Number) given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("assignments[0].id")).longValue();
        EventSender.event("banli.supervision.overdue.v1", String.valueOf(item), Contracts.data(
                "banli.supervision.overdue.v1", "submissionId", item, "assignmentId", part, "unitId", culture,
                "stage", "ADJUSTMENT_DECISION"));
        String expired = "banli.supervision.deadline-expired.v1";
        EventSender.event(expired, String.valueOf(item), Contracts.data(expired, "submissionId", item,
                "assignmentId", part, "unitId", culture, "stage", "ADJUSTMENT_REQUEST"));
        // The expiry comes after the overdue alert on the same key: once it is applied, so was the alert.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.unitStaff(culture))
                .get(path(item, "")).then().body("assignments[0].adjustmentWindowClosed", equalTo(true)));
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .body("assignments[0].overdue", equalTo(false));
        given().auth().oauth2(Tokens.unitStaff(culture)).contentType(ContentType.JSON)
                .body(Map.of("reason", "不属于我单位职责")).post(path(item, "/adjustment-request")).then()
                .statusCode(409).body("detail", containsString("window")).body("detail", containsString("HANDLING"));
    }

    private static JsonPath data(List<ConsumerRecord<String, String>> events, String type, int index) {
        return JsonPath.from(events.stream().filter(r -> TopicProbe.header(r, "ce_type").endsWith(type))
                .toList().get(index).value());
    }
}
