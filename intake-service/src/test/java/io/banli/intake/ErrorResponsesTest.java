package io.banli.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every error is a problem document, also those that Quarkus and RESTEasy raise before any resource of ours runs:
 * a client parses one shape whatever went wrong (deploy/docs/problems.md). 429 is reporting's
 * {@code ApiConventionsProfileTest}, where a platform client's limit is small enough to reach.
 */
@QuarkusTest
class ErrorResponsesTest {

    @Test
    void noTokenIs401() {
        problem(given().get("/api/v1/sessions").then(), 401);
    }

    @Test
    void aRoleThatMayNotIs403() {
        problem(given().auth().oauth2(Tokens.auditor()).contentType("application/json").body("{}")
                .post("/api/v1/sessions").then(), 403);
    }

    @Test
    void aPathNothingServesIs404() {
        problem(given().auth().oauth2(Tokens.office()).get("/api/v1/no-such-collection").then(), 404);
    }

    @Test
    void aMethodThePathDoesNotTakeIs405() {
        problem(given().auth().oauth2(Tokens.office()).delete("/api/v1/sessions").then(), 405);
    }

    @Test
    void anAcceptWeCannotAnswerIs406() {
        problem(given().auth().oauth2(Tokens.office()).accept("application/xml").get("/api/v1/sessions").then(), 406);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        problem(given().auth().oauth2(Tokens.office()).contentType("application/json")
                .body("{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}").post("/api/v1/sessions").then(), 413);
    }

    @Test
    void aRequestLineOverTheLimitIs414() {
        problem(given().auth().oauth2(Tokens.office()).urlEncodingEnabled(false)
                .get("/api/v1/sessions?pad=" + "x".repeat(10_000)).then(), 414);
    }

    @Test
    void aBodyTypeTheOperationDoesNotReadIs415() {
        problem(given().auth().oauth2(Tokens.office()).contentType("application/xml").body("<session/>")
                .post("/api/v1/sessions").then(), 415);
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", not(emptyOrNullString()));
    }
}
