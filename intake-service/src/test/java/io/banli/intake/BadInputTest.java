package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.OutboxMarker;
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

    @Test
    void thePortalAndReviewEndpointsNameWhatIsWrongAndChangeNothing() {
        long received;
        try (TopicProbe filing = TopicProbe.open(SubmissionRegistrationTest.TOPIC)) {
            received = IntakeFixtures.received(session, deputy);
            filing.await(TopicProbe.ofType("banli.intake.submission.filed.v1", String.valueOf(received)));
        }
        long version = IntakeFixtures.version(received);
        String member = Tokens.member(deputy);
        try (TopicProbe topic = TopicProbe.open(SubmissionRegistrationTest.TOPIC)) {
            Map<String, Object> noTitle = new HashMap<>(IntakeFixtures.draft(session, "x"));
            noTitle.remove("title");
            problem(member, "/api/v1/drafts", noTitle, 400).body("violations.field", hasItem(containsString("title")));
            Map<String, Object> longBody = new HashMap<>(IntakeFixtures.draft(session, "x"));
            longBody.put("body", "长".repeat(20_001));
            problem(member, "/api/v1/drafts", longBody, 400).body("violations.field", hasItem(containsString("body")));
            Map<String, Object> pastCutOff = new HashMap<>(IntakeFixtures.draft(session, "x"));
            pastCutOff.put("coSignUntil", "2020-01-01T00:00:00Z");
            problem(member, "/api/v1/drafts", pastCutOff, 422).body("type", equalTo("https://banli.dev/problems/invalid-cut-off"));
            Map<String, Object> badDate = new HashMap<>(IntakeFixtures.draft(session, "x"));
            badDate.put("coSignUntil", "next tuesday");
            problem(member, "/api/v1/drafts", badDate, 400);

            String office = Tokens.office();
            String path = "/api/v1/submissions/" + received;
            problem(office, path + "/refusal", Map.of("version", version, "disposition", "LETTER"), 400)
                    .body("violations.field", hasItem(containsString("reason")));
            problem(office, path + "/refusal", Map.of("version", version, "reason", "理由", "disposition", "FAX"), 400)
                    .body("detail", containsString("disposition"));
            problem(office, path + "/refusal", Map.of("version", version, "reason", "长".repeat(1001),
                    "disposition", "LETTER"), 400);
            problem(office, path + "/merge", Map.of("version", version), 400)
                    .body("violations.field", hasItem(containsString("intoSubmissionId")));
            problem(office, path + "/registration", Map.of("version", "latest"), 400)
                    .body("detail", equalTo("version: must be a number"));
            problem(office, path + "/registration", Map.of(), 400);
            problem(office, path + "/registration", Map.of("version", version, "keyItem", true), 422);
            problem(office, "/api/v1/submissions/987654/registration", Map.of("version", 0), 404);
            problem(member, "/api/v1/drafts/987654/filing", Map.of("version", 0), 404);
            problem(member, "/api/v1/drafts/" + received + "/co-signers", Map.of("version", version, "memberIds", List.of()), 400);
            // An event would be keyed by the received item, or by a new one: the relay's order covers both.
            assertThat(topic.until(OutboxMarker.after(SubmissionRegistrationTest.TOPIC, String.valueOf(received)),
                    r -> true)).as("no event").isEmpty();
        }
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + received).then()
                .body("state", equalTo("RECEIVED")).body("version", equalTo((int) version));
        given().auth().oauth2(member).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .body("total", equalTo(1));
    }

    private static ValidatableResponse problem(String token, String path, Map<String, Object> body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(status).contentType("application/problem+json");
    }

    /** Posts, expects the status as problem+json, and checks that nothing was stored or announced. */
    private ValidatableResponse rejected(Map<String, Object> body, int status) {
        try (TopicProbe topic = TopicProbe.open(SubmissionRegistrationTest.TOPIC)) {
            ValidatableResponse response = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/submissions")
                    .then().statusCode(status).contentType("application/problem+json");
            given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/submissions")
                    .then().body("total", equalTo(0));
            // A wrongly accepted item would have a new key: the relay's order puts its event before the marker.
            assertThat(topic.until(OutboxMarker.after(SubmissionRegistrationTest.TOPIC, "bad-input"), r -> true))
                    .isEmpty();
            // The number was not used up: the next good registration is 第1号.
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(suggestion(session, deputy))
                    .post("/api/v1/submissions").then().statusCode(201).body("number", equalTo(1));
            return response;
        }
    }
}
