package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.WORKFLOW_TOPIC;
import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.coSigner;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banli.testing.OutboxMarker;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The whole handling workflow of a JOINT suggestion with three units, as the office, the units and the
 * proposer drive it, with every event the other services rely on.
 */
@QuarkusTest
class JointStoryTest {

    private static final String P = "banli.assignment.";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aJointItemFromPreAssignmentThroughReHandlingToClosing() {
        long item = registeredSubmission();
        long housing = unit("市住房和城乡建设局");
        long planning = unit("市规划和自然资源局");
        long water = unit("市水务局");
        long transport = unit("市交通运输局");
        try (TopicProbe workflow = TopicProbe.open(WORKFLOW_TOPIC)) {
            // 预交办: housing leads, planning and water co-handle.
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("mode", "JOINT", "leadUnitId", housing, "coUnitIds", List.of(planning, water)))
                    .post(path(item, "/pre-assignment")).then().statusCode(201)
                    .body("state", everyItem(equalTo("PRE_ASSIGNED")));
            // Water says "not ours"; until the office decides, the formal assignment waits.
            given().auth().oauth2(Tokens.unitStaff(water)).contentType(ContentType.JSON)
                    .body(Map.of("reason", "该事项属市交通运输局职责")).post(path(item, "/adjustment-request"))
                    .then().statusCode(200).body("state", equalTo("ADJUSTMENT_REQUESTED"));
            given().auth().oauth2(Tokens.office()).post(path(item, "/pre-assignment/confirmation"))
                    .then().statusCode(409).body("detail", containsString("ADJUSTMENT_REQUESTED"));
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("unitId", water, "decision", "REASSIGN", "newUnitId", transport, "reason", "同意调整"))
                    .post(path(item, "/adjustment-decision")).then().statusCode(200)
                    .body("unitId", equalTo((int) transport)).body("state", equalTo("PRE_ASSIGNED"));
            // 正式交办 of the pre-assignment: the clocks start.
            given().auth().oauth2(Tokens.office()).post(path(item, "/pre-assignment/confirmation")).then().statusCode(201)
                    .body("state", everyItem(equalTo("ASSIGNED"))).body("$", hasSize(3));
            for (long unit : List.of(housing, planning, transport)) {
                signFor(item, unit);
            }
            given().auth().oauth2(Tokens.unitStaff(housing)).contentType(ContentType.JSON)
                    .body(Map.of("timing", "BEFORE", "method", "VISIT", "contactedOn", "2025-02-20",
                            "note", "上门听取代表意见"))
                    .post(path(item, "/contacts")).then().statusCode(201).body("faceToFace", equalTo(true));

            // The lead drafts and its head signs, but it replies only after both co-units' opinions (会签).
            long first = AssignmentFixtures.draft(item, housing, "C");
            given().auth().oauth2(Tokens.unitStaff(housing)).post(path(item, "/replies/" + first + "/approval"))
                    .then().statusCode(403);
            given().auth().oauth2(Tokens.unitHead(housing)).post(path(item, "/replies/" + first + "/approval"))
                    .then().statusCode(200);
            given().auth().oauth2(Tokens.unitStaff(housing)).post(path(item, "/replies/" + first + "/submission"))
                    .then().statusCode(409).body("detail", containsString("会签"));
            for (long co : List.of(planning, transport)) {
                given().auth().oauth2(Tokens.unitStaff(co)).contentType(ContentType.JSON)
                        .body(Map.of("text", "同意主办单位意见")).post(path(item, "/opinion")).then().statusCode(201)
                        .body("leadUnitId", equalTo((int) housing));
            }
            given().auth().oauth2(Tokens.unitStaff(housing)).post(path(item, "/replies/" + first + "/submission"))
                    .then().statusCode(200);
            // The office returns it (退回重办), then accepts the second reply.
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "答复未回应经费保障问题")).post(path(item, "/replies/" + first + "/return"))
                    .then().statusCode(200).body("state", equalTo("RETURNED"));
            long second = submittedReply(item, housing, "B");
            accept(item, second);

            // A co-signer is satisfied, the proposer is not: re-handling (重办) with a second reply.
            evaluate(item, second, coSigner(item, 1), "SATISFIED");
            evaluate(item, second, proposer(item), "UNSATISFIED");
            given().auth().oauth2(Tokens.unitStaff(housing)).get(path(item, ""))
                    .then().body("assignments.find { it.unitId == " + housing + " }.state", equalTo("REHANDLING"))
                    .body("assignments.find { it.unitId == " + housing + " }.round", equalTo(2));
            long third = submittedReply(item, housing, "B");
            accept(item, third);
            evaluate(item, third, proposer(item), "BASICALLY_SATISFIED");

            // 办结, and the B-class commitment is still followed after closing.
            long commitment = ((Number) given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                    .statusCode(200).body("state", equalTo("CLOSED"))
                    .body("assignments.findAll { it.state == 'CLOSED' }", hasSize(3))
                    .extract().path("replies.find { it.id == " + third + " }.commitments[0].id")).longValue();
            given().auth().oauth2(Tokens.unitStaff(housing)).contentType(ContentType.JSON)
                    .body(Map.of("percent", 100, "note", "已全覆盖", "progressedOn", "2025-09-30"))
                    .post(path(item, "/commitments/" + commitment + "/progress")).then().statusCode(201)
                    .body("fulfilled", equalTo(true));

            // Every event of the story, and nothing more: a marker behind the last action closes the list.
            List<ConsumerRecord<String, String>> events = workflow.until(
                    OutboxMarker.after(WORKFLOW_TOPIC, String.valueOf(item)),
                    r -> r.key().equals(String.valueOf(item)));
            assertThat(events.stream().map(r -> TopicProbe.header(r, "ce_type").substring(P.length())))
                    .containsExactly("pre-assigned.v1", "pre-assigned.v1", "pre-assigned.v1",
                            "adjustment-requested.v1", "adjustment-decided.v1", "pre-assigned.v1",
                            "assigned.v1", "assigned.v1", "assigned.v1",
                            "signed.v1", "signed.v1", "signed.v1", "contact-recorded.v1",
                            "reply-approved.v1", "opinion-sent.v1", "opinion-sent.v1", "reply-submitted.v1",
                            "reply-returned.v1", "reply-approved.v1", "reply-submitted.v1", "replied.v1",
                            "evaluated.v1", "evaluated.v1", "rehandling-started.v1",
                            "reply-approved.v1", "reply-submitted.v1", "replied.v1",
                            "evaluated.v1", "closed.v1", "commitment-progressed.v1");

            JsonPath assigned = data(events, "assigned.v1", 0);
            assertThat(assigned.getString("role")).isEqualTo("LEAD");
            assertThat(assigned.getString("level")).isEqualTo("CITY");
            assertThat(assigned.getBoolean("keyItem")).isTrue();
            assertThat(assigned.getString("leadingOfficial")).isEqualTo("李副市长");
            assertThat(data(events, "adjustment-decided.v1", 0).getLong("newUnitId")).isEqualTo(transport);
            JsonPath replied = data(events, "replied.v1", 0);
            assertThat(replied.getList("recipientIds", Long.class))
                    .containsExactly(proposer(item), coSigner(item, 1), coSigner(item, 2));
            assertThat(replied.getString("fingerprint")).matches("[0-9a-f]{64}");
            assertThat(replied.getList("commitments")).hasSize(1);
            assertThat(data(events, "rehandling-started.v1", 0).getString("startedAt")).isNotBlank();
            assertThat(data(events, "replied.v1", 1).getInt("round")).isEqualTo(2);
            JsonPath closed = data(events, "closed.v1", 0);
            assertThat(closed.getString("outcome")).isEqualTo("AFTER_REHANDLING");
            assertThat(closed.getBoolean("followUp")).isTrue();
            assertThat(events).allSatisfy(r -> assertThat(r.value()).doesNotContain("王建华"));
        }
        // The proposer sees both sent replies; nothing is left to evaluate.
        given().auth().oauth2(Tokens.member(proposer(item))).get("/api/v1/my-items").then().statusCode(200)
                .body("find { it.submissionId == " + item + " }.replies", hasSize(2))
                .body("find { it.submissionId == " + item + " }.replies.canEvaluate", everyItem(equalTo(false)));
    }

    private static JsonPath data(List<ConsumerRecord<String, String>> events, String type, int index) {
        return JsonPath.from(events.stream().filter(r -> TopicProbe.header(r, "ce_type").endsWith(type))
                .toList().get(index).value());
    }
}
