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
