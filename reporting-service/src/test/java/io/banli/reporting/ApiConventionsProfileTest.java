package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * What operators configure: a client with a low rate limit of its own, and a deprecated path that announces
 * its sunset and successor.
 */
@QuarkusTest
@TestProfile(ApiConventionsProfileTest.Configured.class)
class ApiConventionsProfileTest {

    public static class Configured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "banli.rate-limit.platform.clients.\"throttled-portal\".requests-per-minute", "2",
                    "banli.api.deprecated.\"/api/v1/statistics\".since", "2026-01-01T00:00:00Z",
                    "banli.api.deprecated.\"/api/v1/statistics\".sunset", "2027-01-01T00:00:00Z",
                    "banli.api.deprecated.\"/api/v1/statistics\".successor", "/api/v2/statistics");
        }
    }

    @Test
    void aClientOverItsLimitIsToldWhenToRetry() {
        ProgressFixtures.registered("throttled-portal", 1, "statistics:read");
        ProgressFixtures.registered("other-portal", 1, "statistics:read");
        String token = Tokens.platform("throttled-portal", null, "statistics:read");
        given().auth().oauth2(token).get("/api/v1/statistics").then().statusCode(200)
                .header("RateLimit-Limit", "2").header("RateLimit-Remaining", "1");
        given().auth().oauth2(token).get("/api/v1/statistics").then().statusCode(200)
                .header("RateLimit-Remaining", "0");
        Response refused = given().auth().oauth2(token).get("/api/v1/statistics");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/rate-limited"))
                .header("RateLimit-Remaining", "0");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30);

        // Another client has its own bucket, with the default limit.
        given().auth().oauth2(Tokens.platform("other-portal", null, "statistics:read")).get("/api/v1/statistics")
                .then().statusCode(200).header("RateLimit-Limit", "600");
    }

    @Test
    void aDeprecatedPathAnnouncesItsSunsetAndSuccessor() {
        given().auth().oauth2(Tokens.office()).get("/api/v1/statistics").then().statusCode(200)
                .header("Deprecation", "@1767225600")
                .header("Sunset", "Fri, 01 Jan 2027 00:00:00 GMT")
                .header("Link", "</api/v2/statistics>; rel=\"successor-version\"");
        given().get("/api/v1/open-data/submissions").then().statusCode(200).header("Deprecation", nullValue());
    }
}
