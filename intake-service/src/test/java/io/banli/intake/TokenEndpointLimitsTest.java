package io.banli.intake;

import static io.banli.intake.PlatformClientFixtures.register;
import static io.banli.intake.PlatformClientFixtures.tokenByBasic;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.platform.DevTokens;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The token endpoint under attack: a stranger who knows a client id cannot lock the real platform out, and the
 * rate limits answer before any secret is hashed. Requests come from other addresses through X-Forwarded-For, which
 * the test profile trusts from the loopback address as a deployment trusts its ingress.
 */
@QuarkusTest
class TokenEndpointLimitsTest {

    static final List<String> SCOPES = List.of("submissions:read");

    @Inject
    EntityManager em;

    @Test
    void aStrangerGuessingSecretsLocksOnlyHimselfOutNotTheRealPortal() {
        JsonPath client = register(SCOPES, List.of());
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        for (int i = 0; i < 10; i++) {
            from("203.0.113.10", id, "guess-" + i).then().statusCode(401).body("error", equalTo("invalid_client"));
        }
        // Locked from the stranger's address, even with the right secret...
        from("203.0.113.10", id, secret).then().statusCode(401).body("error", equalTo("invalid_client"))
                .body("error_description", containsString("Too many failed attempts"));
        // ...while the portal, from its own address, goes on getting tokens.
        from("198.51.100.7", id, secret).then().statusCode(200).body("token_type", equalTo("Bearer"));
        tokenByBasic(id, secret, Map.of()).then().statusCode(200);
    }

    /**
     * Another replica's count and lock are rows of {@code token_failure}: written here as that replica would have
     * written them, they hold on this one, and this one's count is there for the others (and after a restart).
     */
    @Test
    void failuresAndLocksAreSharedByEveryReplicaThroughTheDatabase() {
        JsonPath client = register(SCOPES, List.of());
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        // What this replica counts is in the database for every other one.
        for (int i = 0; i < 3; i++) {
            from("203.0.113.60", id, "guess-" + i).then().statusCode(401);
        }
        assertThat(failure(id, "203.0.113.60")).containsExactly(3, false);

        // Another replica locked a pair: this one refuses it too, the right secret included.
        sql("insert into token_failure (client_id, source_address, window_start, failures, locked_until) values "
                + "(?1, ?2, now(), 10, now() + interval '10 minutes')", id, "203.0.113.61");
        from("203.0.113.61", id, secret).then().statusCode(401).body("error_description",
                containsString("Too many failed attempts"));

        // Another replica counted nine wrong secrets: the tenth, here, locks the pair.
        sql("insert into token_failure (client_id, source_address, window_start, failures) values "
                + "(?1, ?2, now() - interval '5 minutes', 9)", id, "203.0.113.62");
        from("203.0.113.62", id, "guess-10").then().statusCode(401);
        assertThat(failure(id, "203.0.113.62")).containsExactly(10, true);
        from("203.0.113.62", id, secret).then().statusCode(401).body("error_description",
                containsString("Too many failed attempts"));

        // Nine counted in a window that has passed: counting starts afresh, and the portal goes on.
        sql("insert into token_failure (client_id, source_address, window_start, failures) values "
                + "(?1, ?2, now() - interval '11 minutes', 9)", id, "203.0.113.63");
        from("203.0.113.63", id, "guess-11").then().statusCode(401);
        assertThat(failure(id, "203.0.113.63")).containsExactly(1, false);
        from("203.0.113.63", id, secret).then().statusCode(200);
        assertThat(failure(id, "203.0.113.63")).isEmpty();
    }

    /** The pair's failure count and whether it is locked now; empty without a row. */
    private List<Object> failure(String clientId, String source) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select failures, coalesce(locked_until > now(), false) from token_failure where client_id = :c "
                        + "and source_address = :s").setParameter("c", clientId).setParameter("s", source)
                .getResultList());
        return rows.isEmpty() ? List.of() : List.of(((Object[]) rows.get(0))[0], ((Object[]) rows.get(0))[1]);
    }

    private void sql(String statement, String clientId, String source) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter(1, clientId)
                .setParameter(2, source).executeUpdate());
    }

    @Test
    void refusedSecretsAreAuditedAsDeniedWithTheSourceAddress() {
        JsonPath client = register(SCOPES, List.of());
        String id = client.getString("clientId");
        from("203.0.113.44", id, "not-the-secret").then().statusCode(401);

        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select result, source_address from audit_log where action = 'platform-client.token-refused' "
                        + "and subject_id = :id").setParameter("id", id).getResultList());
        assertThat(rows).hasSize(1);
        Object[] row = (Object[]) rows.get(0);
        assertThat(row[0]).isEqualTo("DENIED");
        assertThat(row[1]).isEqualTo("203.0.113.44");
    }

    @Test
    void oneAddressIsLimitedBeforeAnySecretIsHashed() {
        JsonPath client = register(SCOPES, List.of());
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");
        String address = "198.51.100.20";

        // The test profile allows 300 requests at once per address, then one a minute. These name no client and
        // cost nothing to refuse; they empty the address's bucket.
        int sent = 0;
        Response answer;
        do {
            answer = given().header("X-Forwarded-For", address).contentType(ContentType.URLENC)
                    .formParams(Map.of("grant_type", "client_credentials")).post("/api/v1/oauth2/token");
            sent++;
        } while (answer.statusCode() == 401 && sent < 400);
        assertThat(sent).isEqualTo(301);
        answer.then().statusCode(429).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("error", equalTo("temporarily_unavailable"));
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);

        // The right secret is not even looked at: the address is over its limit.
        from(address, id, secret).then().statusCode(429).body("error", equalTo("temporarily_unavailable"));
        from("198.51.100.21", id, secret).then().statusCode(200);
    }

    @Test
    void oneClientFromOneAddressIsLimitedWithoutTouchingItsOtherAddresses() {
        JsonPath client = register(SCOPES, List.of());
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        // 20 at once per client and address in the test profile.
        for (int i = 0; i < 20; i++) {
            from("192.0.2.30", id, secret).then().statusCode(200);
        }
        from("192.0.2.30", id, secret).then().statusCode(429).body("error", equalTo("temporarily_unavailable"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        from("192.0.2.31", id, secret).then().statusCode(200);
    }

    @Test
    void intakeSignsPlatformTokensUnderItsOwnIssuerWhichVouchesForNoOtherRole() {
        String officeUnderIntakesName = DevTokens.sign("https://intake.banli.local", "banli", "office-mallory",
                "office", Map.of(), Duration.ofMinutes(5));
        given().auth().oauth2(officeUnderIntakesName).get("/api/v1/sessions").then().statusCode(401);
        given().auth().oauth2(Tokens.office()).get("/api/v1/sessions").then().statusCode(200);
    }

    private static Response from(String address, String clientId, String secret) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "client_credentials");
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(clientId, secret)
                .contentType(ContentType.URLENC).formParams(form).post("/api/v1/oauth2/token");
    }
}
