package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.WORKFLOW_TOPIC;
import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.evaluate;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.proposer;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.submittedReply;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SoleAndSplitStoryTest {

    private static final String P = "banli.assignment.";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aSoleItemWithAHoldingAnswerAnExtensionAndACorrectedReply() {
        long item = registeredSubmission();
        long unit = unit("市教育局");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (TopicProbe workflow = TopicProbe.open(WORKFLOW_TOPIC)) {
            assign(item, "SOLE", unit);
            signFor(item, unit);
            given().auth().oauth2(Tokens.unitStaff(unit)).post(path(item, "/sign-for"))
                    .then().statusCode(409).body("detail", containsString("HANDLING"));
            given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                    .body(Map.of("text", "正在协调经费，预计下月答复")).post(path(item, "/holding-answer"))
                    .then().statusCode(201);
            // More than six months after the assignment is refused; four months is granted.
            given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                    .body(Map.of("until", today.plusMonths(7).toString(), "reason", "需跨年度预算"))
                    .post(path(item, "/extension-request")).then().statusCode(422)
                    .body("type", equalTo("https://banli.dev/problems/extension-too-long"));
            given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                    .body(Map.of("until", today.plusMonths(4).toString(), "reason", "需跨部门资金统筹"))
                    .post(path(item, "/extension-request")).then().statusCode(201).body("state", equalTo("REQUESTED"));
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("unitId", unit, "approved", true, "reason", "同意延期"))
                    .post(path(item, "/extension-decision")).then().statusCode(200)
                    .body("decidedUntil", equalTo(today.plusMonths(4).toString()));
            ConsumerRecord<String, String> decided = workflow.await(
                    TopicProbe.ofType(P + "extension-decided.v1", String.valueOf(item)));
            assertThat(JsonPath.from(decided.value()).getBoolean("approved")).isTrue();
            assertThat(JsonPath.from(decided.value()).getString("until")).isEqualTo(today.plusMonths(4).toString());

            long reply = submittedReply(item, unit, "A");
            // The office changes the class on acceptance: recorded, and the fingerprint follows the content.
            String approvedPrint = given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                    .extract().path("replies[0].fingerprint");
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of("resultClass", "C"))
                    .post(path(item, "/replies/" + reply + "/acceptance")).then().statusCode(200)
                    .body("resultClass", equalTo("C")).body("classChangedFrom", equalTo("A"))
                    .body("fingerprint", not(equalTo(approvedPrint)));
            // A correction is a new version; the sent one is kept.
            long correction = submittedReply(item, unit, "C");
            accept(item, correction);
            given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                    .body("replies.find { it.id == " + reply + " }.state", equalTo("SUPERSEDED"))
                    .body("replies.find { it.id == " + correction + " }.version", equalTo(2))
                    .body("replies.find { it.id == " + correction + " }.correctsReplyId", equalTo((int) reply));
            evaluate(item, correction, proposer(item), "SATISFIED");
            ConsumerRecord<String, String> closed = workflow.await(
                    TopicProbe.ofType(P + "closed.v1", String.valueOf(item)));
            assertThat(JsonPath.from(closed.value()).getString("outcome")).isEqualTo("SATISFIED");
            assertThat(JsonPath.from(closed.value()).getBoolean("followUp")).isFalse();
        }
    }

    @Test
    void aSplitItemClosesOnlyWhenEveryUnitsReplyIsEvaluated() {
        long item = registeredSubmission();
        long first = unit("市发展和改革委员会");
        long second = unit("市财政局");
        assign(item, "SPLIT", first, second);
        signFor(item, first);
        signFor(item, second);
        long firstReply = submittedReply(item, first, "A");
        long secondReply = submittedReply(item, second, "D");
        accept(item, firstReply);
        accept(item, secondReply);
        // Each unit sees only its own reply.
        given().auth().oauth2(Tokens.unitStaff(first)).get(path(item, "")).then()
                .body("replies.id", not(hasItem((int) secondReply)));
        evaluate(item, firstReply, proposer(item), "SATISFIED");
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("state", equalTo("ASSIGNED"))
                .body("assignments.find { it.unitId == " + first + " }.state", equalTo("CLOSED"))
                .body("assignments.find { it.unitId == " + second + " }.state", equalTo("REPLIED"));
        evaluate(item, secondReply, proposer(item), "BASICALLY_SATISFIED");
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("state", equalTo("CLOSED"));
        // The board shows it closed, found by either unit.
        given().auth().oauth2(Tokens.office()).queryParam("unitId", second).queryParam("state", "CLOSED")
                .get("/api/v1/board").then().statusCode(200).body("items.submissionId", hasItem(item));
    }

    @Test
    void theOfficePreAssignsInBulkAllOrNothing() {
        long one = registeredSubmission();
        long two = registeredSubmission();
        long unit = unit("市民政局");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("items", java.util.List.of(
                        Map.of("submissionId", one, "mode", "SOLE", "leadUnitId", unit),
                        Map.of("submissionId", two, "mode", "SOLE", "leadUnitId", 987654321))))
                .post("/api/v1/pre-assignments").then().statusCode(422)
                .body("detail", containsString("items[1]"));
        given().auth().oauth2(Tokens.office()).get(path(one, "")).then().body("state", equalTo("REGISTERED"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("items", java.util.List.of(
                        Map.of("submissionId", one, "mode", "SOLE", "leadUnitId", unit),
                        Map.of("submissionId", two, "mode", "SOLE", "leadUnitId", unit))))
                .post("/api/v1/pre-assignments").then().statusCode(200).body("preAssigned", equalTo(2));
        // The unit's inbox shows both to review; the session's confirmation assigns both.
        given().auth().oauth2(Tokens.unitHead(unit)).get("/api/v1/inbox").then().statusCode(200)
                .body("findAll { it.nextAction == 'REVIEW_PRE_ASSIGNMENT' }.submissionId", hasItem(one));
        given().auth().oauth2(Tokens.office()).post("/api/v1/sessions/1/assignment").then().statusCode(200)
                .body("assigned", hasItem(two));
        given().auth().oauth2(Tokens.unitHead(unit)).get("/api/v1/inbox").then()
                .body("find { it.submissionId == " + one + " }.nextAction", equalTo("SIGN_FOR"));
    }
}
