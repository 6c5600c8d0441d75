package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.PlatformClientFixtures.accessToken;
import static io.banli.intake.PlatformClientFixtures.register;
import static io.banli.intake.PlatformClientFixtures.registration;
import static io.banli.intake.PlatformClientFixtures.tokenByBasic;
import static io.banli.intake.PlatformClientFixtures.version;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.intake.platform.PlatformCallLog;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The office registers, narrows, rotates and revokes platform clients; intake follows the registry at once. */
@QuarkusTest
class PlatformClientTest {

    static final List<String> PORTAL_SCOPES = List.of("submissions:write", "submissions:read", "progress:read");

    @Inject
    TestClock clock;

    @Inject
    PlatformCallLog callLog;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theSecretIsShownOnceAndNeitherItNorItsHashEverAgain() {
        JsonPath registered = register(PORTAL_SCOPES, List.of());
        String id = registered.getString("clientId");
        String secret = registered.getString("clientSecret");
        assertThat(id).matches("pc-[a-z0-9]{8}");
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(registered.getString("client.state")).isEqualTo("ACTIVE");

        String one = office().get("/api/v1/platform-clients/" + id).then().statusCode(200)
                .body("clientId", equalTo(id)).body("scopes", equalTo(PORTAL_SCOPES)).extract().asString();
        String all = office().get("/api/v1/platform-clients").then().statusCode(200)
                .body("clientId", hasItem(id)).extract().asString();
        String audit = given().auth().oauth2(Tokens.auditor()).queryParam("subjectType", "platform-client")
                .queryParam("subjectId", id).get("/api/v1/audit-log").then().statusCode(200).extract().asString();
        for (String body : List.of(one, all, audit)) {
            assertThat(body).doesNotContain(secret).doesNotContain("pbkdf2").doesNotContain("secretHash")
                    .doesNotContain("clientSecret");
        }
        assertThat(audit).contains("platform-client.registered").contains("z***@example.com")
                .doesNotContain("zhaomin@example.com");
    }

    @Test
    void theOfficeMayNameTheIdentityProvidersClientIdOnce() {
        String id = "idp-" + System.nanoTime();
        Map<String, Object> body = new HashMap<>(registration(PORTAL_SCOPES, List.of()));
        body.put("clientId", id);
        office().body(body).post("/api/v1/platform-clients").then().statusCode(201)
                .header("Location", containsString("/api/v1/platform-clients/" + id)).body("clientId", equalTo(id));
        office().body(body).post("/api/v1/platform-clients").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("duplicate-client-id"));
    }

    @Test
    void badInputIsRefusedAndRegistersNothing() {
        int before = office().get("/api/v1/platform-clients").then().extract().jsonPath().getList("$").size();

        Map<String, Object> unknownScope = new HashMap<>(registration(List.of("submissions:read", "everything"), List.of()));
        office().body(unknownScope).post("/api/v1/platform-clients").then().statusCode(422)
                .contentType("application/problem+json").body("type", containsString("unknown-scope"))
                .body("detail", containsString("everything"));
        Map<String, Object> badEmail = new HashMap<>(registration(PORTAL_SCOPES, List.of()));
        badEmail.put("contactEmail", "zhaomin-at-example");
        office().body(badEmail).post("/api/v1/platform-clients").then().statusCode(422)
                .body("type", containsString("invalid-contact-email"));
        office().body(registration(PORTAL_SCOPES, List.of(999_999L))).post("/api/v1/platform-clients").then()
                .statusCode(422).body("type", containsString("unknown-member"));
        Map<String, Object> noName = new HashMap<>(registration(PORTAL_SCOPES, List.of()));
        noName.remove("name");
        office().body(noName).post("/api/v1/platform-clients").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> badId = new HashMap<>(registration(PORTAL_SCOPES, List.of()));
        badId.put("clientId", "me");
        office().body(badId).post("/api/v1/platform-clients").then().statusCode(400);

        office().header("Idempotency-Key", "registration-1").body(registration(PORTAL_SCOPES, List.of()))
                .post("/api/v1/platform-clients").then().statusCode(400)
                .body("type", containsString("idempotency-key-not-accepted"));

        office().get("/api/v1/platform-clients").then().body("size()", equalTo(before));
    }

    @Test
    void onlyTheOfficeRegistersAndOnlyTheOfficeSeesTheContactsEmail() {
        JsonPath registered = register(PORTAL_SCOPES, List.of());
        String id = registered.getString("clientId");
        assertThat(registered.getString("client.contactEmail")).isEqualTo("zhaomin@example.com");

        given().auth().oauth2(Tokens.auditor()).get("/api/v1/platform-clients/" + id).then().statusCode(200)
                .body("contactEmail", equalTo("z***@example.com"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/platform-clients").then().statusCode(200)
                .body("find { it.clientId == '" + id + "' }.contactEmail", equalTo("z***@example.com"));
        office().get("/api/v1/platform-clients/" + id).then().body("contactEmail", equalTo("zhaomin@example.com"));

        for (String outsider : List.of(Tokens.auditor(), Tokens.leader(), Tokens.member(1), Tokens.platform())) {
            given().auth().oauth2(outsider).contentType(ContentType.JSON).body(registration(PORTAL_SCOPES, List.of()))
                    .post("/api/v1/platform-clients").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.unitStaff(1)).get("/api/v1/platform-clients").then().statusCode(403);
        office().get("/api/v1/platform-clients/pc-missing0").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aPlatformReadsItsOwnRegistration() {
        JsonPath registered = register(PORTAL_SCOPES, List.of());
        String id = registered.getString("clientId");
        String token = accessToken(id, registered.getString("clientSecret"), Map.of());
        given().auth().oauth2(token).get("/api/v1/platform-clients/me").then().statusCode(200)
                .body("clientId", equalTo(id)).body("scopes", equalTo(PORTAL_SCOPES))
                .body("contactEmail", equalTo("z***@example.com"));
        given().auth().oauth2(token).get("/api/v1/platform-clients/" + id).then().statusCode(403);
    }

    @Test
    void aScopeTakenAwayIsRefusedAtOnceEvenWithATokenIssuedBefore() {
        JsonPath registered = register(PORTAL_SCOPES, List.of());
        String id = registered.getString("clientId");
        String token = accessToken(id, registered.getString("clientSecret"), Map.of());
        given().auth().oauth2(token).get("/api/v1/sessions").then().statusCode(200);

        office().body(Map.of("version", version(id), "scopes", List.of("submissions:write")))
                .patch("/api/v1/platform-clients/" + id).then().statusCode(200)
                .body("scopes", equalTo(List.of("submissions:write")));

        given().auth().oauth2(token).get("/api/v1/sessions").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("submissions:read"));
        tokenByBasic(id, registered.getString("clientSecret"), Map.of("scope", "submissions:read"))
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void aMemberTakenAwayIsRefusedAtOnce() {
        long deputy = member("DEPUTY");
        JsonPath registered = register(PORTAL_SCOPES, List.of(deputy));
        String id = registered.getString("clientId");
        String token = accessToken(id, registered.getString("clientSecret"), Map.of("member_id", String.valueOf(deputy)));
        given().auth().oauth2(token).get("/api/v1/members/" + deputy).then().statusCode(200);

        office().body(Map.of("version", version(id), "memberIds", List.of())).patch("/api/v1/platform-clients/" + id)
                .then().statusCode(200);

        given().auth().oauth2(token).get("/api/v1/members/" + deputy).then().statusCode(403)
                .body("detail", containsString("member " + deputy));
    }

    @Test
    void aChangeAgainstAStaleVersionIsRefusedAndChangesNothing() {
        String id = register(PORTAL_SCOPES, List.of()).getString("clientId");
        long version = version(id);
        office().body(Map.of("version", version, "contactName", "钱刚")).patch("/api/v1/platform-clients/" + id)
                .then().statusCode(200).body("version", equalTo((int) version + 1));

        office().body(Map.of("version", version, "scopes", List.of("progress:read")))
                .patch("/api/v1/platform-clients/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("stale-version"));
        office().body(Map.of("version", version + 1, "scopes", List.of("nonsense")))
                .patch("/api/v1/platform-clients/" + id).then().statusCode(422);
        office().body(Map.of("scopes", List.of("progress:read"))).patch("/api/v1/platform-clients/" + id)
                .then().statusCode(400);

        office().get("/api/v1/platform-clients/" + id).then().body("scopes", equalTo(PORTAL_SCOPES))
                .body("contactName", equalTo("钱刚")).body("version", equalTo((int) version + 1));
        String audit = given().auth().oauth2(Tokens.auditor()).queryParam("subjectType", "platform-client")
                .queryParam("subjectId", id).get("/api/v1/audit-log").then().extract().asString();
        assertThat(audit).contains("platform-client.updated").doesNotContain("钱刚");
    }

    @Test
    void aRevokedClientsTokenIsRefusedAtOnceAndRevokingAgainNamesTheState() {
        long deputy = member("DEPUTY");
        JsonPath registered = register(PORTAL_SCOPES, List.of(deputy));
        String id = registered.getString("clientId");
        String secret = registered.getString("clientSecret");
        String token = accessToken(id, secret, Map.of("member_id", String.valueOf(deputy)));
        given().auth().oauth2(token).get("/api/v1/sessions").then().statusCode(200);

        office().body(Map.of("reason", "平台停止运营")).post("/api/v1/platform-clients/" + id + "/revocation")
                .then().statusCode(200).body("state", equalTo("REVOKED")).body("revokedAt", not(nullValue()));

        given().auth().oauth2(token).get("/api/v1/sessions").then().statusCode(401)
                .contentType("application/problem+json");
        tokenByBasic(id, secret, Map.of()).then().statusCode(401).body("error", equalTo("invalid_client"));
        office().body("{}").post("/api/v1/platform-clients/" + id + "/revocation").then().statusCode(409)
                .body("type", containsString("illegal-transition")).body("detail", containsString("REVOKED"));
        office().body(Map.of()).post("/api/v1/platform-clients/" + id + "/secret-rotation").then().statusCode(409);
    }

    @Test
    void everyCallOfAClientIsRecordedWithItsMember() {
        long deputy = member("DEPUTY");
        JsonPath registered = register(PORTAL_SCOPES, List.of(deputy));
        String id = registered.getString("clientId");
        String token = accessToken(id, registered.getString("clientSecret"), Map.of("member_id", String.valueOf(deputy)));

        given().auth().oauth2(token).get("/api/v1/members/" + deputy).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/audit-log").then().statusCode(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.auditor())
                .get("/api/v1/platform-clients/" + id + "/calls").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].path", equalTo("/api/v1/audit-log")).body("items[0].status", equalTo(403))
                .body("items[1].path", equalTo("/api/v1/members/{id}")).body("items[1].method", equalTo("GET"))
                .body("items[1].status", equalTo(200)).body("items[1].memberId", equalTo((int) deputy)));
        office().queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2000-02-01T00:00:00Z")
                .get("/api/v1/platform-clients/" + id + "/calls").then().statusCode(200).body("total", equalTo(0));
        office().queryParam("from", "yesterday").get("/api/v1/platform-clients/" + id + "/calls").then().statusCode(400);
        given().auth().oauth2(token).get("/api/v1/platform-clients/" + id + "/calls").then().statusCode(403);
    }

    @Test
    void callsOlderThanNinetyDaysAreForgotten() {
        JsonPath registered = register(PORTAL_SCOPES, List.of());
        String id = registered.getString("clientId");
        String token = accessToken(id, registered.getString("clientSecret"), Map.of());
        given().auth().oauth2(token).get("/api/v1/sessions").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> office()
                .get("/api/v1/platform-clients/" + id + "/calls").then().body("total", equalTo(1)));

        callLog.purge();
        office().get("/api/v1/platform-clients/" + id + "/calls").then().body("total", equalTo(1));
        clock.travel(Duration.ofDays(91));
        callLog.purge();
        office().get("/api/v1/platform-clients/" + id + "/calls").then().body("total", equalTo(0));
    }

    private static RequestSpecification office() {
        return given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON);
    }
}
