package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.PlatformClientFixtures.accessToken;
import static io.banli.intake.PlatformClientFixtures.claims;
import static io.banli.intake.PlatformClientFixtures.register;
import static io.banli.intake.PlatformClientFixtures.tokenByBasic;
import static io.banli.intake.PlatformClientFixtures.tokenByForm;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A platform obtains tokens with its secret (OAuth 2.0 client credentials) and uses them on intake's API. */
@QuarkusTest
class PlatformTokenTest {

    static final List<String> PORTAL_SCOPES = List.of("submissions:write", "submissions:read", "progress:read");

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void basicAuthenticationGivesAShortLivedTokenWithTheRegisteredClaims() {
        long deputy = member("DEPUTY");
        JsonPath client = register(PORTAL_SCOPES, List.of(deputy));
        String id = client.getString("clientId");

        JsonPath answer = tokenByBasic(id, client.getString("clientSecret"), Map.of()).then().statusCode(200)
                .header("Cache-Control", "no-store").contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300))
                .body("scope", equalTo("submissions:write submissions:read progress:read"))
                .extract().jsonPath();

        JsonPath claims = claims(answer.getString("access_token"));
        assertThat(claims.getString("iss")).isEqualTo("https://intake.banli.local");
        assertThat(claims.getString("aud")).isEqualTo("banli");
        assertThat(claims.getString("sub")).isEqualTo(id);
        assertThat(claims.getString("client_id")).isEqualTo(id);
        assertThat(claims.getList("groups")).containsExactly("platform");
        assertThat(claims.getString("scope")).isEqualTo("submissions:write submissions:read progress:read");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(300);
        assertThat(claims.getString("member_id")).isNull();
    }

    @Test
    void formFieldsAuthenticateTooButNotTogetherWithBasic() {
        JsonPath client = register(PORTAL_SCOPES, List.of());
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        tokenByForm(id, secret, Map.of()).then().statusCode(200).body("token_type", equalTo("Bearer"));
        given().auth().preemptive().basic(id, secret).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", id, "client_secret", secret))
                .post("/api/v1/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aTokenCarriesOnlyScopesTheRegistryGrants() {
        JsonPath client = register(PORTAL_SCOPES, List.of());
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        String token = tokenByBasic(id, secret, Map.of("scope", "submissions:read")).then().statusCode(200)
                .body("scope", equalTo("submissions:read")).extract().path("access_token");
        assertThat(claims(token).getString("scope")).isEqualTo("submissions:read");

        tokenByBasic(id, secret, Map.of("scope", "submissions:read statistics:read")).then().statusCode(400)
                .contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_scope")).body("error_description", containsString("statistics:read"));
        tokenByBasic(id, secret, Map.of("grant_type", "password")).then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void aTokenForAMemberActsForThatMemberOnIntakesApi() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        long stranger = member("DEPUTY");
        JsonPath client = register(PORTAL_SCOPES, List.of(deputy));
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        String token = accessToken(id, secret, Map.of("member_id", String.valueOf(deputy)));
        assertThat(claims(token).getString("member_id")).isEqualTo(String.valueOf(deputy));
        long draft = ((Number) as(token).body(draft(session, "关于平台令牌起草的建议")).post("/api/v1/drafts")
                .then().statusCode(201).body("leadProposerId", equalTo((int) deputy)).extract().path("id")).longValue();
        as(Tokens.member(deputy)).get("/api/v1/submissions/" + draft).then().statusCode(200);

        tokenByBasic(id, secret, Map.of("member_id", String.valueOf(stranger))).then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("error_description", containsString("member"));
        tokenByBasic(id, secret, Map.of("unit_id", "1")).then().statusCode(400).body("error", equalTo("invalid_request"));
        tokenByBasic(id, secret, Map.of("member_id", "eins")).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aUnitIsGrantedOnlyWhenTheRegistryNamesIt() {
        Map<String, Object> body = new HashMap<>(PlatformClientFixtures.registration(
                List.of("submissions:read"), List.of()));
        body.put("unitIds", List.of(2));
        JsonPath client = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/platform-clients").then().statusCode(201).extract().jsonPath();
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        assertThat(claims(accessToken(id, secret, Map.of("unit_id", "2"))).getString("unit_id")).isEqualTo("2");
        tokenByBasic(id, secret, Map.of("unit_id", "3")).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aWrongSecretOrAnUnknownClientIsInvalidClientWithAChallenge() {
        JsonPath client = register(PORTAL_SCOPES, List.of());
        tokenByBasic(client.getString("clientId"), "not-the-secret", Map.of()).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic")).contentType(ContentType.JSON)
                .body("error", equalTo("invalid_client"));
        tokenByForm("pc-nobody00", client.getString("clientSecret"), Map.of()).then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC).formParams(Map.of("grant_type", "client_credentials"))
                .post("/api/v1/oauth2/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aRotatedSecretWorksDuringTheGraceAndNotAfter() {
        JsonPath client = register(PORTAL_SCOPES, List.of());
        String id = client.getString("clientId");
        String old = client.getString("clientSecret");

        String fresh = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("graceMinutes", 60)).post("/api/v1/platform-clients/" + id + "/secret-rotation")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().path("clientSecret");
        assertThat(fresh).isNotEqualTo(old).hasSize(43);

        tokenByBasic(id, fresh, Map.of()).then().statusCode(200);
        tokenByBasic(id, old, Map.of()).then().statusCode(200);
        clock.travel(Duration.ofMinutes(61));
        tokenByBasic(id, old, Map.of()).then().statusCode(401).body("error", equalTo("invalid_client"));
        tokenByBasic(id, fresh, Map.of()).then().statusCode(200);
    }

    @Test
    void aRotationWithoutGraceEndsTheOldSecretAtOnce() {
        JsonPath client = register(PORTAL_SCOPES, List.of());
        String id = client.getString("clientId");
        String fresh = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("graceMinutes", 0)).post("/api/v1/platform-clients/" + id + "/secret-rotation")
                .then().statusCode(200).body("previousSecretValidUntil", equalTo(null)).extract().path("clientSecret");

        tokenByBasic(id, client.getString("clientSecret"), Map.of()).then().statusCode(401);
        tokenByBasic(id, fresh, Map.of()).then().statusCode(200);
    }

    @Test
    void tenWrongSecretsLockTheClientOutForTenMinutes() {
        JsonPath client = register(PORTAL_SCOPES, List.of());
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        for (int i = 0; i < 10; i++) {
            tokenByBasic(id, "guess-" + i, Map.of()).then().statusCode(401);
        }
        tokenByBasic(id, secret, Map.of()).then().statusCode(401).body("error", equalTo("invalid_client"))
                .body("error_description", containsString("Too many failed attempts"));
        clock.travel(Duration.ofMinutes(11));
        tokenByBasic(id, secret, Map.of()).then().statusCode(200);
    }

    @Test
    void aTokenOfAClientThatIsNotRegisteredIsRefusedByIntake() {
        String token = Tokens.platform("pc-unregistered", null, "submissions:read");
        given().auth().oauth2(token).get("/api/v1/sessions").then().statusCode(401)
                .contentType("application/problem+json").body("type", containsString("platform-client-not-active"));
    }

    @Test
    void issuanceIsAuditedWithoutTheToken() {
        long deputy = member("DEPUTY");
        JsonPath client = register(PORTAL_SCOPES, List.of(deputy));
        String id = client.getString("clientId");
        String token = accessToken(id, client.getString("clientSecret"),
                Map.of("scope", "submissions:write", "member_id", String.valueOf(deputy)));

        List<Map<String, Object>> entries = given().auth().oauth2(Tokens.auditor())
                .queryParam("subjectType", "platform-client").queryParam("subjectId", id).get("/api/v1/audit-log")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(entries).extracting(e -> e.get("action"))
                .contains("platform-client.registered", "platform-client.token-issued");
        assertThat(entries.toString()).contains("submissions:write", "memberId=" + deputy)
                .doesNotContain(token).doesNotContain(client.getString("clientSecret"));
    }
}
