package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.registered;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.versioned;
import static io.banli.intake.IntegrationFixtures.WORKFLOW;
import static io.banli.intake.IntegrationFixtures.assigned;
import static io.banli.intake.IntegrationFixtures.newId;
import static io.banli.intake.IntegrationFixtures.publish;
import static io.banli.intake.IntegrationFixtures.replied;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14, point 1 (并案): the merged event names the host and the merged item's proposers, and the merged item's
 * proposer follows the host's handling in their progress view, with the host's reply to rate.
 */
@QuarkusTest
class MergedItemProgressTest {

    private static final String TOPIC = "banli.intake.submissions";

    @Test
    void theMergedProposerSeesTheHostsReplyAndIsAskedToRateIt() {
        long session = session("PEOPLES_CONGRESS");
        long hostLead = member("DEPUTY");
        long mergedLead = member("DEPUTY");
        long host = registered(session, hostLead);
        long merged = registered(session, mergedLead);
        int hostNumber = given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + host).then()
                .statusCode(200).extract().path("number");
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.office()).body(versioned(merged, "intoSubmissionId", host))
                    .post("/api/v1/submissions/" + merged + "/merge").then().statusCode(200)
                    .body("state", equalTo("MERGED"));
            JsonPath data = JsonPath.from(topic.await(
                    TopicProbe.ofType("banli.intake.submission.merged.v1", String.valueOf(merged))).value());
            assertThat(data.getLong("intoSubmissionId")).isEqualTo(host);
            assertThat(data.getInt("intoNumber")).isEqualTo(hostNumber);
            assertThat(data.getLong("leadProposerId")).isEqualTo(mergedLead);
            assertThat(data.getList("coSignerIds")).isEmpty();
        }
        // a host is not merged away from its merged items
        long other = registered(session, member("DEPUTY"));
        as(Tokens.office()).body(versioned(host, "intoSubmissionId", other))
                .post("/api/v1/submissions/" + host + "/merge").then().statusCode(422)
                .body("detail", containsString("host of merged items"));

        long reply = 9000 + host;
        publish(WORKFLOW, "banli.assignment.assigned.v1", newId(), host, assigned(host, 1, "市交通运输局"));
        publish(WORKFLOW, "banli.assignment.replied.v1", newId(), host,
                replied(host, 1, reply, List.of(hostLead, mergedLead)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = MemberProgressTest.progress(Tokens.member(mergedLead), mergedLead);
            assertThat(p.getLong("items[0].id")).isEqualTo(merged);
            assertThat(p.getString("items[0].stage")).isEqualTo("MERGED");
            assertThat(p.getLong("items[0].mergedIntoId")).isEqualTo(host);
            assertThat(p.getString("items[0].units[0].unitName")).isEqualTo("市交通运输局");
            assertThat(p.getLong("items[0].replies[0].replyId")).isEqualTo(reply);
            assertThat(p.getList("items[0].nextActions.path")).contains(
                    "/api/v1/submissions/" + host + "/replies/" + reply + "/evaluations");
        });
        // the host's own proposer sees no merge
        JsonPath own = MemberProgressTest.progress(Tokens.member(hostLead), hostLead);
        assertThat(own.getString("items[0].mergedIntoId")).isNull();
    }
}
