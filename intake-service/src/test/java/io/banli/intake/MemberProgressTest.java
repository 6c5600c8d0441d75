package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.registered;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntegrationFixtures.ALERTS;
import static io.banli.intake.IntegrationFixtures.WORKFLOW;
import static io.banli.intake.IntegrationFixtures.assigned;
import static io.banli.intake.IntegrationFixtures.client;
import static io.banli.intake.IntegrationFixtures.newId;
import static io.banli.intake.IntegrationFixtures.publish;
import static io.banli.intake.IntegrationFixtures.replied;
import static io.banli.intake.IntegrationFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A portal shows a member what became of their items, from events of every service, in any order. */
@QuarkusTest
class MemberProgressTest {

    static JsonPath progress(String token, long memberId) {
        return given().auth().oauth2(token).get("/api/v1/members/" + memberId + "/progress").then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> deadline(long submission, long deadlineId, String stage, Instant dueAt, String at,
            Instant instant) {
        Map<String, Object> data = new HashMap<>(Map.of("submissionId", submission, "deadlineId", deadlineId,
                "unitId", 1, "stage", stage, "dueAt", dueAt.toString()));
        if (!at.equals("metAt")) {
            // Supervision names the part on opened, overdue and expired deadlines; deadline-met names the unit only.
            data.put("assignmentId", submission * 10 + 1);
        }
        data.put(at, instant.toString());
        return data;
    }

    @Test
    void theMemberSeesUnitsDeadlinesRepliesAndWhatToDoNext() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long item = registered(session, lead);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant evaluationDue = now.plus(Duration.ofDays(30));

        // Signed-for arrives before assigned: the unit row is filled in either order, the stage never goes back.
        publish(WORKFLOW, "banli.assignment.signed.v1", newId(), item, Map.of("submissionId", item,
                "assignmentId", item * 10 + 1, "unitId", 1, "signedAt", now.toString()));
        publish(WORKFLOW, "banli.assignment.assigned.v1", newId(), item, assigned(item, 1, "市教育局"));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", newId(), item,
                deadline(item, 7001 + item * 10, "SIGN_FOR", now.plus(Duration.ofDays(5)), "openedAt", now));
        publish(ALERTS, "banli.supervision.deadline-met.v1", newId(), item,
                deadline(item, 7001 + item * 10, "SIGN_FOR", now.plus(Duration.ofDays(5)), "metAt", now));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", newId(), item,
                deadline(item, 7002 + item * 10, "REPLY", now.plus(Duration.ofDays(90)), "openedAt", now));
        publish(WORKFLOW, "banli.assignment.replied.v1", newId(), item, replied(item, 1, 8000 + item, List.of(lead)));
        publish(ALERTS, "banli.supervision.deadline-met.v1", newId(), item,
                deadline(item, 7002 + item * 10, "REPLY", now.plus(Duration.ofDays(90)), "metAt", now));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", newId(), item,
                deadline(item, 7003 + item * 10, "EVALUATION", evaluationDue, "openedAt", now));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = progress(Tokens.member(lead), lead);
            assertThat(p.getString("items[0].stage")).isEqualTo("REPLIED");
            assertThat(p.getList("items[0].deadlines")).hasSize(3);
            assertThat(p.getList("items[0].nextActions.action")).containsExactly("EVALUATE");
        });
        JsonPath p = progress(Tokens.member(lead), lead);
        assertThat(p.getLong("items[0].id")).isEqualTo(item);
        assertThat(p.getString("items[0].memberRole")).isEqualTo("LEAD");
        assertThat(p.getString("items[0].state")).isEqualTo("REGISTERED");
        assertThat(p.getString("items[0].units[0].unitName")).isEqualTo("市教育局");
        assertThat(p.getString("items[0].units[0].signedAt")).isNotNull();
        assertThat(p.getList("items[0].deadlines.stage")).containsExactly("SIGN_FOR", "EVALUATION", "REPLY");
        assertThat(p.getList("items[0].deadlines.state")).containsExactly("MET", "OPEN", "MET");
        assertThat(p.getString("items[0].replies[0].fingerprint")).hasSize(64);
        assertThat(p.getString("items[0].replies[0].letterUrl"))
                .isEqualTo("/api/v1/submissions/" + item + "/replies/" + (8000 + item) + "/letter");
        assertThat(p.getString("items[0].nextActions[0].path"))
                .isEqualTo("/api/v1/submissions/" + item + "/replies/" + (8000 + item) + "/evaluations");
        assertThat(Instant.parse(p.getString("items[0].nextActions[0].until"))).isEqualTo(evaluationDue);

        // A late assigned (redelivered from before the reply) changes nothing; the member's rating ends EVALUATE.
        publish(WORKFLOW, "banli.assignment.assigned.v1", newId(), item, assigned(item, 1, "市教育局"));
        publish(WORKFLOW, "banli.assignment.evaluated.v1", newId(), item, Map.of("submissionId", item,
                "assignmentId", item * 10 + 1, "unitId", 1, "replyId", 8000 + item, "round", 1, "memberId", lead,
                "rating", "SATISFIED", "evaluatedAt", now.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath q = progress(Tokens.member(lead), lead);
            assertThat(q.getList("items[0].evaluations.rating")).containsExactly("SATISFIED");
            assertThat(q.getList("items[0].nextActions")).isEmpty();
            assertThat(q.getString("items[0].stage")).isEqualTo("REPLIED");
        });
    }

    @Test
    void noEvaluationIsOfferedOnceItsWindowExpired() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long item = registered(session, lead);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(WORKFLOW, "banli.assignment.assigned.v1", newId(), item, assigned(item, 1, "市教育局"));
        publish(WORKFLOW, "banli.assignment.replied.v1", newId(), item, replied(item, 1, 8000 + item, List.of(lead)));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", newId(), item,
                deadline(item, 7003 + item * 10, "EVALUATION", now.plus(Duration.ofDays(30)), "openedAt", now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(progress(Tokens.member(lead), lead)
                .getList("items[0].nextActions.action")).containsExactly("EVALUATE"));
        publish(ALERTS, "banli.supervision.deadline-expired.v1", newId(), item,
                deadline(item, 7003 + item * 10, "EVALUATION", now.plus(Duration.ofDays(30)), "expiredAt", now));
        // A reply returned after its due time reopens the deadline already late: overdue at once.
        publish(ALERTS, "banli.supervision.deadline-opened.v1", newId(), item,
                deadline(item, 7002 + item * 10, "REPLY", now.minus(Duration.ofDays(1)), "openedAt", now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = progress(Tokens.member(lead), lead);
            assertThat(p.getList("items[0].deadlines.stage")).containsExactly("REPLY", "EVALUATION");
            assertThat(p.getList("items[0].deadlines.state")).containsExactly("OVERDUE", "EXPIRED");
            assertThat(p.getList("items[0].nextActions")).isEmpty();
        });
    }

    @Test
    void draftsShowWhoMustSignAndFileAndFiltersNarrowTheList() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long coSigner = member("DEPUTY");
        Map<String, Object> body = new HashMap<>(draft(session, "关于加快老旧小区加装电梯的建议"));
        Instant cutOff = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        body.put("coSignUntil", cutOff.toString());
        long draftId = ((Number) as(Tokens.member(lead)).body(body).post("/api/v1/drafts").then().statusCode(201)
                .extract().path("id")).longValue();
        as(Tokens.member(lead)).body(Map.of("version", 0, "memberIds", List.of(coSigner)))
                .post("/api/v1/drafts/" + draftId + "/co-signers").then().statusCode(200);
        long registeredItem = registered(session, lead);

        JsonPath mine = progress(Tokens.member(lead), lead);
        assertThat(mine.getList("items.id", Long.class)).containsExactly(registeredItem, draftId);
        assertThat(mine.getString("items[1].stage")).isEqualTo("CO_SIGNING");
        assertThat(mine.getList("items[1].nextActions.action")).containsExactly("FILE_DRAFT", "WITHDRAW");
        assertThat(mine.getList("items[0].nextActions.action")).containsExactly("WITHDRAW");
        assertThat(mine.getString("items[0].stage")).isEqualTo("REGISTERED");

        JsonPath theirs = progress(Tokens.member(coSigner), coSigner);
        assertThat(theirs.getList("items.id", Long.class)).containsExactly(draftId);
        assertThat(theirs.getString("items[0].memberRole")).isEqualTo("CO_SIGNER");
        assertThat(theirs.getString("items[0].nextActions[0].action")).isEqualTo("SIGN_AS_CO_SIGNER");
        assertThat(Instant.parse(theirs.getString("items[0].nextActions[0].until"))).isEqualTo(cutOff);

        given().auth().oauth2(Tokens.member(lead)).queryParam("stage", "CO_SIGNING").queryParam("sessionId", session)
                .get("/api/v1/members/" + lead + "/progress").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) draftId));
        given().auth().oauth2(Tokens.member(lead)).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/members/" + lead + "/progress").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo((int) draftId));
        given().auth().oauth2(Tokens.member(lead)).queryParam("stage", "SOMEWHERE")
                .get("/api/v1/members/" + lead + "/progress").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheMemberThePlatformsActingForThemAndTheOfficeMayLook() {
        long lead = member("DEPUTY");
        long other = member("DEPUTY");
        String covering = client("ops@portal.example.com", List.of(lead), List.of());
        String notCovering = client("ops@other.example.com", List.of(other), List.of());

        given().auth().oauth2(Tokens.member(other)).get("/api/v1/members/" + lead + "/progress").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token(covering, "progress:read", lead)).get("/api/v1/members/" + lead + "/progress")
                .then().statusCode(200);
        // The registry lets this client act for the member even without member_id in the token.
        given().auth().oauth2(token(covering, "progress:read", null)).get("/api/v1/members/" + lead + "/progress")
                .then().statusCode(200);
        given().auth().oauth2(token(notCovering, "progress:read", other))
                .get("/api/v1/members/" + lead + "/progress").then().statusCode(404);
        given().auth().oauth2(token(covering, "webhooks:manage", lead)).get("/api/v1/members/" + lead + "/progress")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.office()).get("/api/v1/members/" + lead + "/progress").then().statusCode(200);
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/members/" + lead + "/progress").then().statusCode(200);
        given().auth().oauth2(Tokens.unitStaff(1)).get("/api/v1/members/" + lead + "/progress").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/members/999999/progress").then().statusCode(404);
    }
}
