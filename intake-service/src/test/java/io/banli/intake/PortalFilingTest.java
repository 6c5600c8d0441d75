package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.portalFor;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.OutboxMarker;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A member drafts through a portal, invites co-signers, they sign before the cut-off, and the member files. */
@QuarkusTest
class PortalFilingTest {

    static final String TOPIC = "banli.intake.submissions";

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void onlyCoSignersWhoSignedBeforeTheCutOffCountWhenTheMemberFiles() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long signs = member("DEPUTY");
        long late = member("DEPUTY");
        long neverSigns = member("DEPUTY");
        Map<String, Object> body = new HashMap<>(draft(session, "关于加快老旧小区加装电梯的建议"));
        body.put("coSignUntil", Instant.now().plus(Duration.ofHours(2)).toString());
        int id = as(portalFor(lead)).body(body).post("/api/v1/drafts").then().statusCode(201)
                .body("state", equalTo("DRAFT")).body("leadProposerId", equalTo((int) lead))
                .body("number", nullValue()).extract().path("id");
        as(Tokens.member(lead)).body(Map.of("version", 0, "memberIds", List.of(signs, late, neverSigns)))
                .post("/api/v1/drafts/" + id + "/co-signers").then().statusCode(200)
                .body("coSigners.state", equalTo(List.of("INVITED", "INVITED", "INVITED")));

        // The invited co-signer sees the draft and signs (twice changes nothing); an outsider sees nothing.
        given().auth().oauth2(Tokens.member(signs)).get("/api/v1/submissions/" + id).then().statusCode(200);
        as(portalFor(signs)).post("/api/v1/drafts/" + id + "/signature").then().statusCode(200);
        as(Tokens.member(signs)).post("/api/v1/drafts/" + id + "/signature").then().statusCode(200);
        long outsider = member("DEPUTY");
        given().auth().oauth2(Tokens.member(outsider)).get("/api/v1/submissions/" + id).then().statusCode(404);
        as(Tokens.member(outsider)).post("/api/v1/drafts/" + id + "/signature").then().statusCode(404);
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + id).then().statusCode(404);

        // Three hours later the cut-off has passed: a signature is too late.
        clock.travel(Duration.ofHours(3));
        as(Tokens.member(late)).post("/api/v1/drafts/" + id + "/signature").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://banli.dev/problems/co-sign-closed"));

        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.member(lead)).body(Map.of("version", 0)).post("/api/v1/drafts/" + id + "/filing")
                    .then().statusCode(200).body("state", equalTo("RECEIVED"));
            ConsumerRecord<String, String> filed = topic.await(
                    TopicProbe.ofType("banli.intake.submission.filed.v1", String.valueOf(id)));
            JsonPath data = JsonPath.from(filed.value());
            assertThat(data.getList("coSignerIds", Integer.class)).containsExactly((int) signs);
            assertThat(data.getLong("leadProposer.memberId")).isEqualTo(lead);
            assertThat(data.getString("title")).isEqualTo("关于加快老旧小区加装电梯的建议");
            assertThat(filed.value()).doesNotContain("13912345678").doesNotContain("daibiao@example.com")
                    .doesNotContain("和平里");
        }
        // Filed: now the office sees it, and the draft can no longer be edited or signed.
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + id).then().statusCode(200);
        as(Tokens.member(neverSigns)).post("/api/v1/drafts/" + id + "/signature").then().statusCode(409)
                .body("detail", equalTo("Submission " + id + " is RECEIVED: SIGN is not allowed in that state."));
    }

    @Test
    void aPortalDraftWaitsForTheOfficesRegistration() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        String portal = portalFor(lead);
        int id = as(portal).body(draft(session, "关于增开夜班公交线路的建议")).post("/api/v1/drafts").then()
                .statusCode(201).extract().path("id");
        int refusedLater = as(portal).body(draft(session, "关于调整个人补贴的建议")).post("/api/v1/drafts").then()
                .statusCode(201).extract().path("id");
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            // The portal files: the item waits for the office (RECEIVED, no number) and only filed is announced.
            as(portal).body(Map.of("version", 0)).post("/api/v1/drafts/" + id + "/filing").then().statusCode(200)
                    .body("state", equalTo("RECEIVED")).body("number", nullValue());
            as(portal).body(Map.of("version", 0)).post("/api/v1/drafts/" + refusedLater + "/filing").then()
                    .statusCode(200).body("state", equalTo("RECEIVED"));
            topic.await(TopicProbe.ofType("banli.intake.submission.filed.v1", String.valueOf(id)));
            // Registration is the office's: neither the portal nor the member itself may register.
            as(portal).body(Map.of("version", 1)).post("/api/v1/submissions/" + id + "/registration").then()
                    .statusCode(403).contentType("application/problem+json");
            as(Tokens.member(lead)).body(Map.of("version", 1)).post("/api/v1/submissions/" + id + "/registration")
                    .then().statusCode(403);
            assertThat(topic.until(OutboxMarker.after(TOPIC, String.valueOf(id)),
                    TopicProbe.ofType("banli.intake.submission.registered.v1", String.valueOf(id))))
                    .as("no number before the office's review").isEmpty();
            given().auth().oauth2(portal).get("/api/v1/submissions/" + id).then().statusCode(200)
                    .body("state", equalTo("RECEIVED")).body("number", nullValue());

            // The office reviews: registers one (第1号 of the session), refuses the other.
            as(Tokens.office()).body(Map.of("version", 1)).post("/api/v1/submissions/" + id + "/registration")
                    .then().statusCode(200).body("state", equalTo("REGISTERED")).body("number", equalTo(1));
            JsonPath registered = JsonPath.from(topic.await(
                    TopicProbe.ofType("banli.intake.submission.registered.v1", String.valueOf(id))).value());
            assertThat(registered.getInt("number")).isEqualTo(1);
            assertThat(registered.getLong("leadProposer.memberId")).isEqualTo(lead);
            as(Tokens.office()).body(Map.of("version", 1, "reason", "所提问题属于个人诉求。", "disposition", "LETTER"))
                    .post("/api/v1/submissions/" + refusedLater + "/refusal").then().statusCode(200)
                    .body("state", equalTo("REFUSED")).body("number", nullValue());
            topic.await(TopicProbe.ofType("banli.intake.submission.refused.v1", String.valueOf(refusedLater)));
            assertThat(topic.until(OutboxMarker.after(TOPIC, String.valueOf(refusedLater)),
                    TopicProbe.ofType("banli.intake.submission.registered.v1", String.valueOf(refusedLater))))
                    .as("a refused item is never numbered").isEmpty();
        }
        given().auth().oauth2(portal).get("/api/v1/submissions/" + id).then().body("number", equalTo(1));
    }

    @Test
    void filingOutsideTheIntakeWindowIsRefusedAndAnnouncesNothing() {
        Instant closes = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long session = session("PEOPLES_CONGRESS", Map.of("opensOn", "2025-01-10", "closesOn", "2025-01-14",
                "intakeOpensAt", Instant.now().minus(Duration.ofDays(1)).toString(), "intakeClosesAt", closes.toString()));
        long lead = member("DEPUTY");
        int id = as(Tokens.member(lead)).body(draft(session, "关于优化城区公交线网的建议")).post("/api/v1/drafts")
                .then().statusCode(201).body("coSignUntil", equalTo(closes.toString())).extract().path("id");

        clock.travel(Duration.ofDays(2));
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.member(lead)).body(Map.of("version", 0)).post("/api/v1/drafts/" + id + "/filing")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://banli.dev/problems/intake-closed"));
            as(Tokens.member(lead)).body(draft(session, "又一条建议")).post("/api/v1/drafts").then().statusCode(409);
            // The draft's filing would be keyed by it; a new draft by a new id, ordered by the relay all the same.
            assertThat(topic.until(OutboxMarker.after(TOPIC, String.valueOf(id)), r -> true)).isEmpty();
        }
        given().auth().oauth2(Tokens.member(lead)).get("/api/v1/submissions/" + id).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void aDraftIsEditedOnlyByItsProposerAgainstTheCurrentVersion() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long other = member("DEPUTY");
        int id = as(Tokens.member(lead)).body(draft(session, "关于增加停车位的建议")).post("/api/v1/drafts")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> change = new HashMap<>(draft(session, "关于增加老旧小区停车位的建议"));
        change.remove("kind");
        change.remove("sessionId");
        change.put("version", 0);
        as(Tokens.member(other)).body(change).put("/api/v1/drafts/" + id).then().statusCode(404);
        as(portalFor(other)).body(change).put("/api/v1/drafts/" + id).then().statusCode(404);
        as(Tokens.member(lead)).body(change).put("/api/v1/drafts/" + id).then().statusCode(200)
                .body("title", equalTo("关于增加老旧小区停车位的建议")).body("version", equalTo(1));
        // The same edit again was made against version 0, which is gone.
        as(Tokens.member(lead)).body(change).put("/api/v1/drafts/" + id).then().statusCode(409)
                .body("type", equalTo("https://banli.dev/problems/stale-version"));
        // A portal token that names no member cannot draft.
        as(Tokens.platform()).body(draft(session, "无主草稿")).post("/api/v1/drafts").then().statusCode(403);
        // Co-signers of the other kind, or the lead proposer themself, are refused.
        long cppcc = member("CPPCC_MEMBER");
        as(Tokens.member(lead)).body(Map.of("version", 1, "memberIds", List.of(cppcc)))
                .post("/api/v1/drafts/" + id + "/co-signers").then().statusCode(422);
        as(Tokens.member(lead)).body(Map.of("version", 1, "memberIds", List.of(lead)))
                .post("/api/v1/drafts/" + id + "/co-signers").then().statusCode(422);
        given().auth().oauth2(Tokens.member(lead)).get("/api/v1/submissions/" + id).then()
                .body("coSigners.size()", equalTo(0));
    }
}
