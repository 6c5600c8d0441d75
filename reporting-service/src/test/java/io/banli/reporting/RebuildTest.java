package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The projection rebuilt from the topics equals the live one, and the live one goes on from there. */
@QuarkusTest
class RebuildTest {

    @Test
    void aReplayOfEveryTopicGivesTheLiveFiguresAndLiveEventsContinueAfterwards() {
        try (EventStream s = StatisticsTest.session()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(8)).body("replies.evaluated", equalTo(3))
                    .body("replies.extensionsApproved", equalTo(1)));
            Map<String, Object> before = figures(s.session);
            // A member's progress and the registry's grants are part of the projection: rebuilt the same way.
            long lead = ProgressFixtures.member();
            long session = ProgressFixtures.session();
            long item = ProgressFixtures.registered(session, lead);
            ProgressFixtures.draft(session, lead, "关于增设社区食堂的建议", Map.of(), null);
            ProgressFixtures.publish(ProgressFixtures.WORKFLOW, "banli.assignment.assigned.v1", item,
                    ProgressFixtures.assigned(item, 1, "市民政局"));
            ProgressFixtures.publish(ProgressFixtures.WORKFLOW, "banli.assignment.replied.v1", item,
                    ProgressFixtures.replied(item, 1, 7000 + item, java.util.List.of(lead)));
            String portal = ProgressFixtures.client(java.util.List.of("progress:read"), java.util.List.of(lead),
                    java.util.List.of(), java.util.List.of());
            String asPortal = Tokens.platform(portal, null, "progress:read");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(asPortal)
                    .get("/api/v1/members/" + lead + "/progress").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].stage", equalTo("REPLIED")));
            String progressBefore = ProgressFixtures.progress(Tokens.member(lead), lead).prettify();

            long id = given().auth().oauth2(Tokens.office()).post("/api/v1/projection/rebuilds").then().statusCode(202)
                    .body("state", equalTo("RUNNING")).extract().jsonPath().getLong("id");
            given().auth().oauth2(Tokens.office()).post("/api/v1/projection/rebuilds").then().statusCode(409)
                    .contentType("application/problem+json");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(Tokens.auditor())
                    .get("/api/v1/projection/rebuilds/" + id).then().statusCode(200).body("state", equalTo("DONE")));
            given().auth().oauth2(Tokens.auditor()).get("/api/v1/projection/rebuilds/" + id).then()
                    .body("matchesLive", equalTo(true)).body("total", greaterThan(0))
                    .body("applied", equalTo(given().auth().oauth2(Tokens.auditor())
                            .get("/api/v1/projection/rebuilds/" + id).then().extract().path("total")));
            assertThat(figures(s.session)).isEqualTo(before);
            assertThat(ProgressFixtures.progress(Tokens.member(lead), lead).prettify()).isEqualTo(progressBefore);
            given().auth().oauth2(asPortal).get("/api/v1/members/" + lead + "/progress").then().statusCode(200);

            // the rebuilt inbox is the live one now: a redelivered event still counts once, a new one counts
            s.redeliver(s.history.get(0));
            s.registered("SUGGESTION", "OTHER");
            s.flush();
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(9)));
            given().auth().oauth2(Tokens.auditor()).queryParam("action", "projection.rebuild-started")
                    .get("/api/v1/audit-log").then().statusCode(200).body("[0].actor", equalTo("office-zhang"));
        }
    }

    @Test
    void onlyTheOfficeRebuilds() {
        given().auth().oauth2(Tokens.auditor()).post("/api/v1/projection/rebuilds").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/projection/rebuilds/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The statistics without the moment they were computed. */
    private static Map<String, Object> figures(long session) {
        Map<String, Object> json = new java.util.HashMap<>(given().auth().oauth2(Tokens.office())
                .queryParam("sessionId", session).get("/api/v1/statistics").then().statusCode(200).extract()
                .jsonPath().getMap("$"));
        json.remove("asOf");
        return json;
    }
}
