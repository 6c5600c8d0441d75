package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SecurityTest {

    @Test
    void withoutATokenTheApiAnswers401() {
        given().get("/api/v1/submissions").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/submissions").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        given().auth().oauth2(Tokens.expiredOffice()).get("/api/v1/sessions").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        given().auth().oauth2(Tokens.officeOfAnotherAudience()).get("/api/v1/sessions").then().statusCode(401);
        given().auth().oauth2(Tokens.officeOfAnotherIssuer()).get("/api/v1/sessions").then().statusCode(401);
        given().auth().oauth2(Tokens.office()).get("/api/v1/sessions").then().statusCode(200);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String token = Tokens.office();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/api/v1/sessions").then().statusCode(401);
    }

    @Test
    void aUnitMayNotRegisterSubmissions() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        given().auth().oauth2(Tokens.unitStaff(1)).contentType(ContentType.JSON).body(suggestion(session, deputy))
                .post("/api/v1/submissions").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/submissions")
                .then().body("total", equalTo(0));
    }

    @Test
    void onlyTheOfficeSeesAMembersPhoneNumber() {
        long deputy = member("DEPUTY");
        given().auth().oauth2(Tokens.office()).get("/api/v1/members/" + deputy)
                .then().statusCode(200).body("phone", equalTo("13912345678"))
                .body("email", equalTo("daibiao@example.com")).body("address", equalTo("北京市东城区和平里街道1号"));
        for (String reader : new String[] {Tokens.platform(), Tokens.auditor()}) {
            given().auth().oauth2(reader).get("/api/v1/members/" + deputy)
                    .then().statusCode(200).body("phone", equalTo("139****5678"))
                    .body("email", equalTo("d***@example.com")).body("address", equalTo("北京市东城区****"));
        }
        // A leader reads only the proposers of the key items they lead, masked too (LeaderAccessTest).
        given().auth().oauth2(Tokens.leader()).get("/api/v1/members/" + deputy).then().statusCode(404);
        given().auth().oauth2(Tokens.member(deputy)).get("/api/v1/members/" + deputy)
                .then().statusCode(200).body("phone", equalTo("13912345678"))
                .body("email", equalTo("daibiao@example.com"));
        given().auth().oauth2(Tokens.member(deputy + 1)).get("/api/v1/members/" + deputy).then().statusCode(404);
    }

    @Test
    void aSessionWhoseDatesAreOutOfOrderIsRefusedAndNotStored() {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(java.util.Map.of("kind", "CPPCC", "level", "CITY", "name", "日期颠倒的会议", "year", 2026,
                        "opensOn", "2026-01-14", "closesOn", "2026-01-10"))
                .post("/api/v1/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("closesOn"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(java.util.Map.of("kind", "CPPCC", "level", "CITY", "name", "窗口颠倒的会议", "year", 2026,
                        "intakeOpensAt", "2026-01-14T00:00:00Z", "intakeClosesAt", "2026-01-10T00:00:00Z"))
                .post("/api/v1/sessions").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).get("/api/v1/sessions").then()
                .body("name", org.hamcrest.Matchers.not(hasItem("日期颠倒的会议")))
                .body("name", org.hamcrest.Matchers.not(hasItem("窗口颠倒的会议")));
    }

    @Test
    void healthAndTheApiDocumentAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
