package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14, point 4: every signed co-signer rates the reply on their own, also after the lead proposer, until the
 * evaluation window passes. The lead proposer's rating decides (closing or re-handling); a co-signer's, even
 * 不满意, is recorded and counted per rating but moves nothing.
 */
@QuarkusTest
class CoSignerRatingTest {

    @Inject
    EntityManager em;

    static final String EVALUATED = "banli.assignment.evaluated.v1";
    static final String EXPIRED = "banli.supervision.deadline-expired.v1";

    @Test
    void aCoSignerRatesAfterTheLeadProposerWhoseRatingClosedTheItem() {
        long item = registeredSubmission();
        long unit = unit("市教育局");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        long reply = submittedReply(item, unit, "A");
        accept(item, reply);
        try (TopicProbe workflow = TopicProbe.open(AssignmentFixtures.WORKFLOW_TOPIC)) {
            evaluate(item, reply, proposer(item), "SATISFIED");
            given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("state", equalTo("CLOSED"));

            // after the lead: accepted, and the item stays closed (the lead's rating decided)
            evaluate(item, reply, coSigner(item, 1), "UNSATISFIED");
            given().auth().oauth2(Tokens.office()).get(path(item, "")).then().body("state", equalTo("CLOSED"))
                    .body("assignments[0].state", equalTo("CLOSED")).body("assignments[0].round", equalTo(1))
                    .body("evaluations", hasSize(2));
            // the portal shows the last co-signer that the closed item still awaits their rating
            given().auth().oauth2(Tokens.member(coSigner(item, 2))).get("/api/v1/my-items").then().statusCode(200)
                    .body("find { it.submissionId == " + item + " }.replies[0].canEvaluate", equalTo(true));
            evaluate(item, reply, coSigner(item, 2), "BASICALLY_SATISFIED");
            given().auth().oauth2(Tokens.member(coSigner(item, 2))).get("/api/v1/my-items").then().statusCode(200)
                    .body("find { it.submissionId == " + item + " }.replies[0].canEvaluate", equalTo(false));

            // the window stays open until every member asked has rated: only the third rating completes it
            JsonPath lead = JsonPath.from(workflow.await(rated(item, proposer(item))).value());
            JsonPath first = JsonPath.from(workflow.await(rated(item, coSigner(item, 1))).value());
            JsonPath last = JsonPath.from(workflow.await(rated(item, coSigner(item, 2))).value());
            assertThat(lead.getBoolean("complete")).isFalse();
            assertThat(first.getBoolean("complete")).isFalse();
            assertThat(first.getString("rating")).isEqualTo("UNSATISFIED");
            assertThat(last.getBoolean("complete")).isTrue();
        }
        // once per member and round
        given().auth().oauth2(Tokens.member(coSigner(item, 1))).contentType(ContentType.JSON)
                .body(Map.of("rating", "SATISFIED")).post(path(item, "/replies/" + reply + "/evaluations")).then()
                .statusCode(409).body("detail", containsString("already"));
    }

    @Test
    void aCoSignerWhoWaitsPastTheWindowIsRefused() {
        long item = registeredSubmission();
        long unit = unit("市人力资源和社会保障局");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        long reply = submittedReply(item, unit, "B");
        accept(item, reply);
        evaluate(item, reply, proposer(item), "SATISFIED");
        long part = ((Number) given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("assignments[0].id")).longValue();
        EventSender.event(EXPIRED, String.valueOf(item), Contracts.data(EXPIRED, "submissionId", item,
                "assignmentId", part, "unitId", unit, "stage", "EVALUATION"));
        // wait until the expiry is applied, then rate: refused, naming why
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> (Boolean) em
                .createNativeQuery("select evaluation_window_ended from assignment where id = :id")
                .setParameter("id", part).getSingleResult()));
        given().auth().oauth2(Tokens.member(coSigner(item, 1))).contentType(ContentType.JSON)
                .body(Map.of("rating", "SATISFIED")).post(path(item, "/replies/" + reply + "/evaluations")).then()
                .statusCode(409).body("detail", containsString("evaluation window passed"));
    }

    private static java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> rated(
            long item, long member) {
        return TopicProbe.ofType(EVALUATED, String.valueOf(item))
                .and(r -> JsonPath.from(r.value()).getLong("memberId") == member);
    }
}
