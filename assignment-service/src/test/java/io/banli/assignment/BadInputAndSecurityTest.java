package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.WORKFLOW_TOPIC;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

/** Refused requests answer with problem+json and leave no assignment, no reply and no event. */
@QuarkusTest
class BadInputAndSecurityTest {

    @Test
    void refusedAssignmentsChangeNothing() {
        long submission = registeredSubmission();
        long unit = unit("市教育局");
        String path = "/api/v1/submissions/" + submission + "/assignment";
        try (TopicProbe workflow = TopicProbe.open(WORKFLOW_TOPIC)) {
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("mode", "TOGETHER", "leadUnitId", unit)).post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("mode"));
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("mode", "SOLE")).post(path)
                    .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.containsString("leadUnitId"));
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("mode", "JOINT", "leadUnitId", unit, "coUnitIds", List.of(987654))).post(path)
                    .then().statusCode(422).body("type", equalTo("https://banli.dev/problems/unknown-unit"));
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("mode", "JOINT", "leadUnitId", unit, "coUnitIds", List.of())).post(path)
                    .then().statusCode(422).body("type", equalTo("https://banli.dev/problems/mode-mismatch"));
            given().auth().oauth2(Tokens.unitHead(unit)).contentType(ContentType.JSON)
                    .body(Map.of("mode", "SOLE", "leadUnitId", unit)).post(path).then().statusCode(403);
            given().contentType(ContentType.JSON)
                    .body(Map.of("mode", "SOLE", "leadUnitId", unit)).post(path).then().statusCode(401);

            assertThat(workflow.until(OutboxMarker.after(WORKFLOW_TOPIC, String.valueOf(submission)), r -> true))
                    .isEmpty();
        }
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + submission)
                .then().statusCode(200).body("assignments", hasSize(0));
    }

    @Test
    void unknownSubmissionsAreNotFound() {
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/987654321")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("mode", "SOLE", "leadUnitId", 1)).post("/api/v1/submissions/987654321/assignment")
                .then().statusCode(404);
    }

    @Test
    void aReplyNeedsTextAndAValidClass() {
        long submission = registeredSubmission();
        long unit = unit("市水务局");
        AssignmentFixtures.assign(submission, "SOLE", unit);
        String path = "/api/v1/submissions/" + submission + "/replies";
        given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                .body(Map.of("text", "答复", "resultClass", "E")).post(path)
                .then().statusCode(400).body("detail", equalTo("resultClass: must be one of A, B, C, D"));
        given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                .body(Map.of("text", "长".repeat(50_001), "resultClass", "A")).post(path)
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.containsString("text"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("text", "答复", "resultClass", "A")).post(path).then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + submission)
                .then().body("replies", hasSize(0)).body("assignments[0].state", equalTo("ASSIGNED"));
    }
}
