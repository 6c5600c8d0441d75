package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.INTAKE_TOPIC;
import static io.banli.assignment.AssignmentFixtures.REGISTERED;
import static io.banli.assignment.AssignmentFixtures.WORKFLOW_TOPIC;
import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.awaitKnown;
import static io.banli.assignment.AssignmentFixtures.nextSubmissionId;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.submittedReply;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.TopicProbe;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * 答复公开: the replied event carries a reply's text for open data only when it may be published: a public reply
 * of an item that is not confidential.
 */
@QuarkusTest
class RepliedTextTest {

    @Test
    void onlyAPublicReplyOfAnOpenItemCarriesItsText() {
        long unit = unit("市教育局");
        long open = registeredSubmission();
        long confidentialItem = confidentialSubmission();
        long confidentialReply = registeredSubmission();
        for (long item : new long[] { open, confidentialItem, confidentialReply }) {
            assign(item, "SOLE", unit);
            signFor(item, unit);
        }
        try (TopicProbe workflow = TopicProbe.open(WORKFLOW_TOPIC)) {
            accept(open, submittedReply(open, unit, "A"));
            accept(confidentialItem, submittedReply(confidentialItem, unit, "A"));
            long reply = ((Number) given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                    .body(Map.of("text", "涉及尚未公开的规划调整。", "resultClass", "A", "disclosure", "CONFIDENTIAL",
                            "confidentialReason", "涉及尚未公开的规划"))
                    .post(path(confidentialReply, "/replies")).then().statusCode(201).extract().path("id")).longValue();
            given().auth().oauth2(Tokens.unitHead(unit)).post(path(confidentialReply, "/replies/" + reply + "/approval"))
                    .then().statusCode(200);
            given().auth().oauth2(Tokens.unitStaff(unit)).post(path(confidentialReply, "/replies/" + reply
                    + "/submission")).then().statusCode(200);
            accept(confidentialReply, reply);

            assertThat(replied(workflow, open).getString("text")).isEqualTo("您提出的建议收悉，现答复如下……");
            JsonPath ofConfidentialItem = replied(workflow, confidentialItem);
            assertThat(ofConfidentialItem.getString("disclosure")).isEqualTo("PUBLIC");
            assertThat(ofConfidentialItem.getString("text")).isNull();
            JsonPath confidential = replied(workflow, confidentialReply);
            assertThat(confidential.getString("disclosure")).isEqualTo("CONFIDENTIAL");
            assertThat(confidential.getString("text")).isNull();
        }
    }

    private static JsonPath replied(TopicProbe workflow, long item) {
        return JsonPath.from(workflow.await(TopicProbe.ofType("banli.assignment.replied.v1", String.valueOf(item)))
                .value());
    }

    /** Intake registers an item marked confidential (涉密). */
    private static long confidentialSubmission() {
        long id = nextSubmissionId();
        Map<String, Object> fields = AssignmentFixtures.registered(id);
        fields.put("confidential", true);
        EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), UUID.randomUUID().toString(), REGISTERED,
                Contracts.data(REGISTERED, fields));
        awaitKnown(id);
        return id;
    }
}
