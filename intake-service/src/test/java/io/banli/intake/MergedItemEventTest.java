package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.registered;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.versioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14, point 1 (并案): the merged event names the host and the merged item's proposers (the merged item's
 * proposer following the host's handling in their progress is reporting's MergedItemProgressTest).
 */
@QuarkusTest
class MergedItemEventTest {

    private static final String TOPIC = "banli.intake.submissions";

    @Test
    void theMergedEventNamesTheHostAndTheMergedItemsProposers() {
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
    }
}
