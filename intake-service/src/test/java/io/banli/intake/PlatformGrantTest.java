package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 12's first two attacks, as a portal registered for one member would try them: a token asked without
 * {@code member_id} reaches only what the registration covers, and a portal never registers, flags or signs for
 * anyone.
 */
@QuarkusTest
class PlatformGrantTest {

    static final String ALL_SCOPES = String.join(" ", Tokens.ALL_SCOPES);

    long session;
    long mine;
    long colleague;
    long stranger;
    long myItem;
    long myConfidentialItem;
    long coSignedByMe;
    long strangersItem;
    String strangersDelegation;

    @BeforeEach
    void theOfficeRegistersItemsOfThreeMembers() {
        session = session("PEOPLES_CONGRESS");
        mine = member("东城区代表团");
        colleague = member("西城区代表团");
        strangersDelegation = "朝阳区代表团" + System.nanoTime();
        stranger = member(strangersDelegation);
        myItem = registered(suggestion(session, mine));
        Map<String, Object> confidential = new HashMap<>(suggestion(session, mine));
        confidential.put("confidential", true);
        confidential.put("confidentiality", "PRIVATE");
        myConfidentialItem = registered(confidential);
        Map<String, Object> coSigned = new HashMap<>(suggestion(session, colleague));
        coSigned.put("coSignerIds", List.of(mine));
        coSignedByMe = registered(coSigned);
        strangersItem = registered(suggestion(session, stranger));
    }

    @Test
    void aPortalForOneMemberAskingWithoutMemberIdSeesOnlyThatMembersItems() {
        String portal = IntegrationFixtures.token(IntegrationFixtures.narrowedClient(List.of(mine), List.of(),
                List.of()), ALL_SCOPES, null);

        // Its member's own item and the one the member co-signed; not the stranger's, not the confidential one.
        given().auth().oauth2(portal).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .statusCode(200).header("X-Total-Count", "2").body("total", equalTo(2))
                .body("items.id", containsInAnyOrder((int) myItem, (int) coSignedByMe));
        given().auth().oauth2(portal).get("/api/v1/submissions/" + myItem).then().statusCode(200);
        for (long hidden : List.of(strangersItem, myConfidentialItem)) {
            given().auth().oauth2(portal).get("/api/v1/submissions/" + hidden).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(portal).get("/api/v1/submissions/" + hidden + "/attachments").then().statusCode(404);
        }
        // The member register only as far as the grant goes.
        given().auth().oauth2(portal).get("/api/v1/members").then().statusCode(200).body("id", contains((int) mine));
        given().auth().oauth2(portal).get("/api/v1/members/" + stranger).then().statusCode(404);
        // (The member's progress, drafts and confidential items left out, is reporting's: its MemberProgressTest.)

        // Asking for the member, the portal sees what the member sees: the confidential item too.
        String forMine = IntegrationFixtures.token(IntegrationFixtures.narrowedClient(List.of(mine), List.of(),
                List.of()), ALL_SCOPES, mine);
        given().auth().oauth2(forMine).get("/api/v1/submissions/" + myConfidentialItem).then().statusCode(200);
        given().auth().oauth2(forMine).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .header("X-Total-Count", "3");
    }

    @Test
    void aPortalForADelegationSeesThatDelegationsItems() {
        String portal = IntegrationFixtures.token(IntegrationFixtures.narrowedClient(List.of(), List.of(strangersDelegation),
                List.of()), ALL_SCOPES, null);
        given().auth().oauth2(portal).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .statusCode(200).header("X-Total-Count", "1").body("items.id", contains((int) strangersItem));
        given().auth().oauth2(portal).get("/api/v1/submissions/" + myItem).then().statusCode(404);
        given().auth().oauth2(portal).get("/api/v1/members").then().body("id", contains((int) stranger));
    }

    @Test
    void aPortalCannotRegisterFlagOrSignForAnyone() {
        String client = IntegrationFixtures.narrowedClient(List.of(mine), List.of(), List.of());
        Map<String, Object> forged = new HashMap<>(suggestion(session, colleague));
        forged.put("keyItem", true);
        forged.put("leadingOfficial", "张副市长");
        forged.put("coSignerIds", List.of(mine));
        for (String token : List.of(IntegrationFixtures.token(client, ALL_SCOPES, null),
                IntegrationFixtures.token(client, ALL_SCOPES, mine))) {
            as(token).body(forged).post("/api/v1/submissions").then().statusCode(403)
                    .contentType("application/problem+json");
            Map<String, Object> ownPaper = new HashMap<>(suggestion(session, mine));
            as(token).body(ownPaper).post("/api/v1/submissions").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .body("total", equalTo(4));

        // The member's path: a draft (confidentiality is the office's), an invitation, the filing.
        String portal = IntegrationFixtures.token(client, ALL_SCOPES, mine);
        Map<String, Object> secret = new HashMap<>(draft(session, "关于涉密事项的建议"));
        secret.put("confidential", true);
        secret.put("confidentiality", "PRIVATE");
        as(portal).body(secret).post("/api/v1/drafts").then().statusCode(403).contentType("application/problem+json");
        Map<String, Object> flagged = new HashMap<>(draft(session, "关于加强校园周边交通管理的建议"));
        flagged.put("keyItem", true);
        flagged.put("leadingOfficial", "张副市长");
        int id = as(portal).body(flagged).post("/api/v1/drafts").then().statusCode(201)
                .body("keyItem", equalTo(false)).body("leadingOfficial", nullValue()).extract().path("id");
        as(portal).body(Map.of("version", 0, "memberIds", List.of(colleague))).post("/api/v1/drafts/" + id + "/co-signers")
                .then().statusCode(200).body("coSigners[0].state", equalTo("INVITED"));
        as(portal).body(Map.of("version", 0)).post("/api/v1/drafts/" + id + "/filing").then().statusCode(200)
                .body("state", equalTo("RECEIVED")).body("number", nullValue()).body("keyItem", equalTo(false))
                .body("coSigners", org.hamcrest.Matchers.hasSize(1)).body("coSigners[0].state", equalTo("INVITED"));
        // Only the office registers it.
        as(portal).body(Map.of("version", 1)).post("/api/v1/submissions/" + id + "/registration").then().statusCode(403);
    }

    private static long member(String delegation) {
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("kind", "DEPUTY", "name", "代表" + System.nanoTime() % 100000, "delegation", delegation))
                .post("/api/v1/members").then().statusCode(201).extract().path("id")).longValue();
    }

    private static long registered(Map<String, Object> body) {
        return ((Number) as(Tokens.office()).body(body).post("/api/v1/submissions").then().statusCode(201)
                .extract().path("id")).longValue();
    }
}
