package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The statistics as a platform client reads them, and the kit's conventions on reporting's answers. */
@QuarkusTest
class ApiConventionsTest {

    @Test
    void aPlatformWithStatisticsReadGetsTheFigures() {
        ProgressFixtures.registered("open-gov-portal", 1, "statistics:read");
        given().auth().oauth2(Tokens.platform("open-gov-portal", null, "statistics:read")).get("/api/v1/statistics")
                .then().statusCode(200).body("total", notNullValue())
                .header("RateLimit-Limit", "600").header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
    }

    @Test
    void aRevokedClientIsRefusedAtOnceWhateverItsTokenSays() {
        String portal = "revoked-portal-" + ProgressFixtures.newId().substring(0, 8);
        String token = Tokens.platform(portal, null, "statistics:read");
        given().auth().oauth2(token).get("/api/v1/statistics").then().statusCode(401);
        ProgressFixtures.registered(portal, 1, "statistics:read");
        given().auth().oauth2(token).get("/api/v1/statistics").then().statusCode(200);
        ProgressFixtures.grant(portal, "REVOKED", java.util.List.of("statistics:read"), true, java.util.List.of(),
                java.util.List.of(), java.util.List.of(), 2);
        ProgressFixtures.awaitGrant(portal, "REVOKED", 2);
        given().auth().oauth2(token).get("/api/v1/statistics").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/reports/compilations/1").then().statusCode(401);
    }

    @Test
    void aPlatformWithoutStatisticsReadIsRefused() {
        ProgressFixtures.registered("open-gov-portal", 1, "statistics:read");
        given().auth().oauth2(Tokens.platform("open-gov-portal", null, "submissions:read", "progress:read"))
                .get("/api/v1/statistics")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/insufficient-scope"))
                .body("detail", containsString("statistics:read"));
    }

    @Test
    void scopesDoNotWidenWhatTheRoleMay() {
        // Rankings are not open to platforms: the role check refuses before any scope is looked at.
        given().auth().oauth2(Tokens.platform()).get("/api/v1/rankings?by=ON_TIME_RATE").then().statusCode(403);
    }

    @Test
    void peopleAreNotRateLimitedAndNoPathIsDeprecatedByDefault() {
        given().auth().oauth2(Tokens.office()).get("/api/v1/statistics").then().statusCode(200)
                .header("RateLimit-Limit", nullValue()).header("Deprecation", nullValue())
                .header("Sunset", nullValue());
    }

    @Test
    void anUnchangedPageOfOpenDataIsNotSentAgain() {
        // The statistics carry the instant they were computed at, so they change on every call; the open
        // dataset of a session nobody files in does not.
        String page = "/api/v1/open-data/submissions?sessionId=987654";
        String tag = given().get(page).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).get(page).then().statusCode(304);
        given().header("If-None-Match", "W/\"something-else\"").get(page).then().statusCode(200)
                .header("ETag", tag);
        // Streams are not tagged: hashing them would mean holding them in memory.
        given().get("/api/v1/open-data/submissions.csv?sessionId=987654").then().statusCode(200)
                .header("ETag", nullValue());
    }

    @Test
    void aPageOfOpenDataLinksToItsNeighbours() {
        try (EventStream s = new EventStream()) {
            Instant t0 = Instant.now().minus(30, ChronoUnit.DAYS);
            for (int i = 0; i < 3; i++) {
                s.registered("SUGGESTION", "OTHER").sole(5, t0);
            }
            s.flush();
            String page = "/api/v1/open-data/submissions?sessionId=" + s.session + "&size=1";
            Awaitility.await().untilAsserted(() -> given().get(page).then().statusCode(200)
                    .header("X-Total-Count", "3"));
            Response first = given().get(page);
            first.then().statusCode(200).body("size()", equalTo(1));
            assertThat(first.header("Link"))
                    .contains("sessionId=" + s.session, "rel=\"first\"", "rel=\"next\"", "rel=\"last\"")
                    .doesNotContain("rel=\"prev\"")
                    .containsPattern("[?&]page=1[^>]*>; rel=\"next\"")
                    .containsPattern("[?&]page=2[^>]*>; rel=\"last\"");
        }
    }
}
