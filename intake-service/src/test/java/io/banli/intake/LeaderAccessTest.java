package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A leader (领衔领导) reads the key items they lead, and nothing else of intake's items. */
@QuarkusTest
class LeaderAccessTest {

    @Test
    void aLeaderSeesOnlyTheKeyItemsTheyLead() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        String official = "李副市长" + System.nanoTime();
        long mine = registered(session, deputy, true, official);
        long anothers = registered(session, deputy, true, "张副市长" + System.nanoTime());
        long ordinary = registered(session, deputy, false, null);

        String leader = Tokens.leader(official);
        given().auth().oauth2(leader).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .statusCode(200).header("X-Total-Count", "1").body("items.id", contains((int) mine));
        given().auth().oauth2(leader).get("/api/v1/submissions/" + mine).then().statusCode(200)
                .body("leadingOfficial", equalTo(official));
        given().auth().oauth2(leader).get("/api/v1/submissions/" + mine + "/attachments").then().statusCode(200);
        for (long hidden : new long[] {anothers, ordinary}) {
            given().auth().oauth2(leader).get("/api/v1/submissions/" + hidden).then().statusCode(404);
            given().auth().oauth2(leader).get("/api/v1/submissions/" + hidden + "/attachments").then().statusCode(404);
        }
        // Similar items would show other items' titles: the office's and the auditor's tool only.
        given().auth().oauth2(leader).get("/api/v1/submissions/" + mine + "/similar").then().statusCode(403);
        // A leader's token naming no official sees none.
        given().auth().oauth2(Tokens.leader()).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aLeaderReadsOnlyTheProposersOfTheKeyItemsTheyLeadAndNeverTheRegister() {
        long session = session("PEOPLES_CONGRESS");
        long proposer = member("DEPUTY");
        long coSigner = member("DEPUTY");
        long stranger = member("DEPUTY");
        long ofAnotherLeader = member("DEPUTY");
        String official = "王副市长" + System.nanoTime();
        Map<String, Object> body = new HashMap<>(suggestion(session, proposer));
        body.put("keyItem", true);
        body.put("leadingOfficial", official);
        body.put("coSignerIds", java.util.List.of(coSigner));
        as(Tokens.office()).body(body).post("/api/v1/submissions").then().statusCode(201);
        registered(session, ofAnotherLeader, true, "赵副市长" + System.nanoTime());
        registered(session, stranger, false, null);

        String leader = Tokens.leader(official);
        // The names on their own item, contact data masked as for everyone but the office and the member.
        for (long named : new long[] {proposer, coSigner}) {
            given().auth().oauth2(leader).get("/api/v1/members/" + named).then().statusCode(200)
                    .body("id", equalTo((int) named)).body("phone", equalTo("139****5678"));
        }
        for (long hidden : new long[] {stranger, ofAnotherLeader, 987_654_321L}) {
            given().auth().oauth2(leader).get("/api/v1/members/" + hidden).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.leader()).get("/api/v1/members/" + proposer).then().statusCode(404);
        // The register itself (every deputy's personal data) is the office's.
        given().auth().oauth2(leader).get("/api/v1/members").then().statusCode(403);
    }

    private static long registered(long session, long deputy, boolean keyItem, String official) {
        Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
        body.put("keyItem", keyItem);
        if (official != null) {
            body.put("leadingOfficial", official);
        }
        return ((Number) as(Tokens.office()).body(body).post("/api/v1/submissions").then().statusCode(201)
                .extract().path("id")).longValue();
    }
}
