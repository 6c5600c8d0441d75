package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input gets a clear problem+json and changes nothing: no submission, no number used, no event. */
@QuarkusTest
class BadInputTest {

    long session;
    long deputy;

    @BeforeEach
    void aSessionAndADeputy() {
        session = session("PEOPLES_CONGRESS");
        deputy = member("DEPUTY");
    }

    @Test
    void missingFieldsAreListedAsViolations() {
        Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
        body.remove("title");
        body.remove("field");
        rejected(body, 400).body("violations.field", hasItem(containsString("title")))
                .body("violations.field", hasItem(containsString("field")));
    }

    @Test
    void anUnknownEnumValueIsRejected() {
        Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
        body.put("kind", "PETITION");
        rejected(body, 400).body("detail", equalTo("kind: must be one of SUGGESTION, PROPOSAL"))
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void aWrongTypeIsRejected() {
        Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
        body.put("sessionId", "the third session");
        rejected(body, 400).body("detail", equalTo("sessionId: must be a number"));
    }

    @Test
    void oversizeTextIsRejected() {
        Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
        body.put("title", "长".repeat(201));
        body.put("body", "长".repeat(20_001));
        rejected(body, 400).body("violations.field", hasItem(containsString("title")))
                .body("violations.field", hasItem(containsString("body")));
    }

    @Test
    void anUnknownSessionIsUnprocessable() {
        rejected(suggestion(987_654, deputy), 422).body("type", equalTo("https://banli.dev/problems/unknown-session"));
    }

    @Test
    void anUnknownSubmissionIsNotFound() {
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/987654")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/not-found"));
    }

    /** Posts, expects the status as problem+json, and checks that nothing was stored or announced. */
    private ValidatableResponse rejected(Map<String, Object> body, int status) {
        try (TopicProbe topic = TopicProbe.open(SubmissionRegistrationTest.TOPIC)) {
            ValidatableResponse response = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/submissions")
                    .then().statusCode(status).contentType("application/problem+json");
            given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/submissions")
                    .then().body("total", equalTo(0));
            assertThat(topic.all(r -> true, Duration.ofSeconds(1))).isEmpty();
            // The number was not used up: the next good registration is 第1号.
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(suggestion(session, deputy))
                    .post("/api/v1/submissions").then().statusCode(201).body("number", equalTo(1));
            return response;
        }
    }
}
