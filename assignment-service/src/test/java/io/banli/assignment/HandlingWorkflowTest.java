package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.WORKFLOW_TOPIC;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.reply;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.banli.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
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
class HandlingWorkflowTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theOfficeAssignsAndTheUnitReplies() {
        long submission = registeredSubmission();
        long education = unit("市教育局");
        try (TopicProbe workflow = TopicProbe.open(WORKFLOW_TOPIC)) {
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("mode", "SOLE", "leadUnitId", education, "coUnitIds", List.of()))
                    .post("/api/v1/submissions/" + submission + "/assignment")
                    .then().statusCode(201).body("role", contains("SOLE")).body("state", contains("ASSIGNED"));

            ConsumerRecord<String, String> assigned = workflow.await(
                    TopicProbe.ofType("banli.assignment.assigned.v1", String.valueOf(submission)));
            assertThat(header(assigned, "ce_source")).isEqualTo("/banli/assignment-service");
            JsonPath data = JsonPath.from(assigned.value());
            assertThat(data.getLong("unitId")).isEqualTo(education);
            assertThat(data.getString("role")).isEqualTo("SOLE");
            assertThat(data.getString("assignedAt")).isNotBlank();

            AssignmentFixtures.signFor(submission, education);
            long draft = AssignmentFixtures.draft(submission, education, "A");
            given().auth().oauth2(Tokens.unitHead(education))
                    .post("/api/v1/submissions/" + submission + "/replies/" + draft + "/approval")
                    .then().statusCode(200).body("resultClass", equalTo("A")).body("state", equalTo("APPROVED"))
                    .body("fingerprint", matchesPattern("[0-9a-f]{64}"));
            given().auth().oauth2(Tokens.unitStaff(education))
                    .post("/api/v1/submissions/" + submission + "/replies/" + draft + "/submission")
                    .then().statusCode(200).body("state", equalTo("SUBMITTED"));

            ConsumerRecord<String, String> submitted = workflow.await(
                    TopicProbe.ofType("banli.assignment.reply-submitted.v1", String.valueOf(submission)));
            assertThat(JsonPath.from(submitted.value()).getString("resultClass")).isEqualTo("A");
        }
        given().auth().oauth2(Tokens.unitHead(education)).get("/api/v1/submissions/" + submission)
                .then().statusCode(200)
                .body("assignments[0].state", equalTo("REPLY_SUBMITTED"))
                .body("replies", hasSize(1));
    }

    @Test
    void aReplyCannotBeSubmittedTwice() {
        long submission = registeredSubmission();
        long unit = unit("市交通运输局");
        assign(submission, "SOLE", unit);
        AssignmentFixtures.signFor(submission, unit);
        long reply = AssignmentFixtures.submittedReply(submission, unit, "B");
        given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON).body(reply("A"))
                .post("/api/v1/submissions/" + submission + "/replies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/illegal-transition"))
                .body("detail", org.hamcrest.Matchers.containsString("SUBMITTED"));
        given().auth().oauth2(Tokens.unitStaff(unit))
                .post("/api/v1/submissions/" + submission + "/replies/" + reply + "/submission")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("SUBMITTED"));
    }

    @Test
    void inAJointAssignmentOnlyTheLeadUnitReplies() {
        long submission = registeredSubmission();
        long lead = unit("市住房和城乡建设局");
        long co = unit("市自然资源局");
        assign(submission, "JOINT", lead, co);
        AssignmentFixtures.signFor(submission, co);
        given().auth().oauth2(Tokens.unitStaff(co)).contentType(ContentType.JSON).body(reply("A"))
                .post("/api/v1/submissions/" + submission + "/replies")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("co-unit"));
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + submission)
                .then().body("assignments.role", contains("LEAD", "CO")).body("replies", hasSize(0));
    }

    @Test
    void aUnitSeesOnlyWhatIsAssignedToIt() {
        long submission = registeredSubmission();
        long assigned = unit("市卫生健康委员会");
        long other = unit("市民政局");
        assign(submission, "SOLE", assigned);
        given().auth().oauth2(Tokens.unitStaff(other)).get("/api/v1/submissions/" + submission)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.unitStaff(other)).contentType(ContentType.JSON).body(reply("A"))
                .post("/api/v1/submissions/" + submission + "/replies").then().statusCode(404);
        given().auth().oauth2(Tokens.unitStaff(assigned)).get("/api/v1/submissions/" + submission)
                .then().statusCode(200);
    }

    @Test
    void aSubmissionIsAssignedOnlyOnce() {
        long submission = registeredSubmission();
        long unit = unit("市财政局");
        assign(submission, "SOLE", unit);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("mode", "SOLE", "leadUnitId", unit, "coUnitIds", List.of()))
                .post("/api/v1/submissions/" + submission + "/assignment").then().statusCode(409);
    }
}
