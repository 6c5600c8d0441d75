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
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.OutboxMarker;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Malformed, out-of-range and repeated workflow requests: problem+json, nothing stored, no event. */
@QuarkusTest
class WorkflowBadInputTest {

    @Test
    void malformedRequestsChangeNothing() {
        long item = registeredSubmission();
        long unit = unit("市卫生健康委员会");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        String staff = Tokens.unitStaff(unit);
        try (TopicProbe workflow = TopicProbe.open(WORKFLOW_TOPIC)) {
            bad(staff, item, "/contacts", Map.of("timing", "SOMETIME", "method", "PHONE", "contactedOn", "2025-03-01"), 400,
                    "timing");
            bad(staff, item, "/contacts", Map.of("timing", "BEFORE", "method", "PHONE"), 400, "contactedOn");
            bad(staff, item, "/contacts", Map.of("timing", "BEFORE", "method", "PHONE", "contactedOn", "2999-01-01"), 400,
                    "contactedOn");
            bad(staff, item, "/extension-request", Map.of("until", "31.07.2025", "reason", "理由"), 400, "until");
            bad(staff, item, "/replies", Map.of("text", "答复", "resultClass", "A", "disclosure", "CONFIDENTIAL"), 400,
                    "confidentialReason");
            bad(staff, item, "/replies", Map.of("text", "答复", "resultClass", "B"), 422, "commitment");
            bad(staff, item, "/replies", Map.of("text", "答复", "resultClass", "B", "commitments",
                    List.of(Map.of("action", "整改"))), 400, "promisedOn");
            bad(staff, item, "/opinion", Map.of("text", "意见"), 409, "SOLE");
            bad(Tokens.office(), item, "/adjustment-decision", Map.of("unitId", unit, "decision", "MAYBE", "reason", "x"),
                    400, "decision");
            bad(Tokens.office(), item, "/extension-decision", Map.of("unitId", unit, "approved", true, "reason", "同意"),
                    409, "no undecided extension request");
            assertThat(workflow.until(OutboxMarker.after(WORKFLOW_TOPIC, String.valueOf(item)),
                    r -> r.key().equals(String.valueOf(item)))).isEmpty();
        }
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .body("contacts", hasSize(0)).body("replies", hasSize(0))
                .body("assignments[0].state", equalTo("HANDLING"));
    }

    @Test
    void repeatedActionsAreRefusedNotDoubled() {
        long item = registeredSubmission();
        long unit = unit("市文化广电旅游局");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        long reply = submittedReply(item, unit, "A");
        accept(item, reply);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body("{}")
                .post(path(item, "/replies/" + reply + "/acceptance")).then().statusCode(409)
                .body("detail", containsString("SENT"));
        evaluate(item, reply, AssignmentFixtures.coSigner(item, 1), "SATISFIED");
        given().auth().oauth2(Tokens.member(AssignmentFixtures.coSigner(item, 1))).contentType(ContentType.JSON)
                .body(Map.of("rating", "UNSATISFIED")).post(path(item, "/replies/" + reply + "/evaluations"))
                .then().statusCode(409).body("detail", containsString("already"));
        given().auth().oauth2(Tokens.member(proposer(item))).contentType(ContentType.JSON)
                .body(Map.of("rating", "GOOD")).post(path(item, "/replies/" + reply + "/evaluations"))
                .then().statusCode(400).body("violations[0].field", equalTo("rating"));
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("evaluations", hasSize(1))
                .body("state", equalTo("ASSIGNED"));
        Number commitmentFree = given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                .body(Map.of("percent", 101, "note", "进展", "progressedOn", "2025-05-01"))
                .post(path(item, "/commitments/1/progress")).then().statusCode(400).extract().path("status");
        assertThat(commitmentFree.intValue()).isEqualTo(400);
    }

    private static void bad(String token, long item, String rest, Map<String, Object> body, int status,
            String mentioned) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path(item, rest))
                .then().statusCode(status).contentType("application/problem+json")
                .body(containsString(mentioned));
    }
}
