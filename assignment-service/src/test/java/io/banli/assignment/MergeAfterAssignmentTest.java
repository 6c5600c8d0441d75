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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14, point 1 (并案): an item merged into a host after it was assigned, with its unit's reply already
 * waiting for the office, stops its own handling; the host's reply reaches the merged item's proposers, who rate
 * it like co-signers: their 不满意 is recorded and moves nothing, the host's lead proposer decides.
 */
@QuarkusTest
class MergeAfterAssignmentTest {

    private static final String MERGED = "banli.intake.submission.merged.v1";
    private static final String CLOSED = "banli.assignment.closed.v1";
    private static final String REPLIED = "banli.assignment.replied.v1";
    private static final String EVALUATED = "banli.assignment.evaluated.v1";

    @Test
    void theMergedItemStopsAndItsProposersReceiveAndRateTheHostsReply() {
        long host = registeredSubmission();
        long merged = registeredSubmission();
        long hostUnit = unit("市交通运输局");
        long mergedUnit = unit("市公安局交通警察支队");
        assign(host, "SOLE", hostUnit);
        assign(merged, "SOLE", mergedUnit);
        signFor(merged, mergedUnit);
        long pendingReply = submittedReply(merged, mergedUnit, "A");
        // merged before registration: never held here, its proposer is known from the merge alone
        long unregistered = AssignmentFixtures.nextSubmissionId();
        long unregisteredProposer = proposer(unregistered);

        try (TopicProbe workflow = TopicProbe.open(AssignmentFixtures.WORKFLOW_TOPIC)) {
            EventSender.event(MERGED, String.valueOf(unregistered), Contracts.data(MERGED, "submissionId",
                    unregistered, "intoSubmissionId", host, "number", null, "leadProposerId", unregisteredProposer,
                    "coSignerIds", List.of()));
            EventSender.event(MERGED, String.valueOf(merged), Contracts.data(MERGED, "submissionId", merged,
                    "intoSubmissionId", host, "number", merged % 1000, "leadProposerId", proposer(merged),
                    "coSignerIds", List.of(coSigner(merged, 1), coSigner(merged, 2))));
            JsonPath closed = JsonPath.from(workflow.await(TopicProbe.ofType(CLOSED, String.valueOf(merged))).value());
            assertThat(closed.getString("outcome")).isEqualTo("MERGED");
            assertThat(closed.getBoolean("followUp")).isFalse();
        }
        given().auth().oauth2(Tokens.office()).get(path(merged, "")).then().body("state", equalTo("MERGED"))
                .body("assignments.state", everyItem(equalTo("MERGED")));
        // the merged item's reply in progress is not sent: its part closed as merged
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body("{}")
                .post(path(merged, "/replies/" + pendingReply + "/acceptance")).then().statusCode(409)
                .body("detail", containsString("MERGED"));

        signFor(host, hostUnit);
        long reply = submittedReply(host, hostUnit, "A");
        try (TopicProbe workflow = TopicProbe.open(AssignmentFixtures.WORKFLOW_TOPIC)) {
            accept(host, reply);
            JsonPath replied = JsonPath.from(workflow.await(TopicProbe.ofType(REPLIED, String.valueOf(host))).value());
            assertThat(replied.getList("recipientIds", Long.class)).containsExactlyInAnyOrder(proposer(host),
                    coSigner(host, 1), coSigner(host, 2), unregisteredProposer, proposer(merged),
                    coSigner(merged, 1), coSigner(merged, 2));
        }

        // the merged proposer sees their item merged into the host, with the host's reply to rate
        given().auth().oauth2(Tokens.member(proposer(merged))).get("/api/v1/my-items").then().statusCode(200)
                .body("find { it.submissionId == " + merged + " }.state", equalTo("MERGED"))
                .body("find { it.submissionId == " + merged + " }.mergedIntoId", equalTo(host))
                .body("find { it.submissionId == " + merged + " }.replies[0].replyId", equalTo((int) reply))
                .body("find { it.submissionId == " + merged + " }.replies[0].canEvaluate", equalTo(true));
        given().auth().oauth2(Tokens.member(unregisteredProposer)).get("/api/v1/my-items").then().statusCode(200)
                .body("find { it.submissionId == " + unregistered + " }.mergedIntoId", equalTo(host));
        // the merged item's proposers read the host's reply letter
        given().auth().oauth2(Tokens.member(proposer(merged))).get(path(host, "/replies/" + reply + "/letter"))
                .then().statusCode(200);

        try (TopicProbe workflow = TopicProbe.open(AssignmentFixtures.WORKFLOW_TOPIC)) {
            evaluate(host, reply, proposer(merged), "UNSATISFIED");
            JsonPath rated = JsonPath.from(workflow.await(TopicProbe.ofType(EVALUATED, String.valueOf(host))
                    .and(r -> JsonPath.from(r.value()).getLong("memberId") == proposer(merged))).value());
            assertThat(rated.getString("rating")).isEqualTo("UNSATISFIED");
            assertThat(rated.getBoolean("complete")).isFalse();
        }
        // a merged proposer's 不满意 opens no re-handling: the host's lead proposer decides
        given().auth().oauth2(Tokens.office()).get(path(host, "")).then().body("state", equalTo("ASSIGNED"))
                .body("assignments[0].state", equalTo("REPLIED")).body("assignments[0].round", equalTo(1));
        evaluate(host, reply, proposer(host), "SATISFIED");
        given().auth().oauth2(Tokens.office()).get(path(host, "")).then().body("state", equalTo("CLOSED"));
        // a merged co-signer still rates after the item closed, inside the window; once per member
        evaluate(host, reply, coSigner(merged, 1), "BASICALLY_SATISFIED");
        given().auth().oauth2(Tokens.member(proposer(merged))).contentType(ContentType.JSON)
                .body(java.util.Map.of("rating", "SATISFIED")).post(path(host, "/replies/" + reply + "/evaluations"))
                .then().statusCode(409);
        // someone who is no proposer of the host nor of a merged item learns nothing
        given().auth().oauth2(Tokens.member(proposer(merged) + 7)).contentType(ContentType.JSON)
                .body(java.util.Map.of("rating", "SATISFIED")).post(path(host, "/replies/" + reply + "/evaluations"))
                .then().statusCode(404);
    }
}
