package io.banli.reporting;

import static io.banli.reporting.ProgressFixtures.ALERTS;
import static io.banli.reporting.ProgressFixtures.WORKFLOW;
import static io.banli.reporting.ProgressFixtures.assigned;
import static io.banli.reporting.ProgressFixtures.awaitKnown;
import static io.banli.reporting.ProgressFixtures.awaitMember;
import static io.banli.reporting.ProgressFixtures.client;
import static io.banli.reporting.ProgressFixtures.draft;
import static io.banli.reporting.ProgressFixtures.member;
import static io.banli.reporting.ProgressFixtures.publish;
import static io.banli.reporting.ProgressFixtures.registered;
import static io.banli.reporting.ProgressFixtures.replied;
import static io.banli.reporting.ProgressFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A portal shows a member what became of their items, from events of every service, in any order: served by
 * reporting, the read side (moved from intake with its assertions, issue 13).
 */
@QuarkusTest
class MemberProgressTest {

    @Inject
    EntityManager em;

    static JsonPath progress(String token, long memberId) {
        return ProgressFixtures.progress(token, memberId);
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
        long session = session();
        long lead = member();
        long item = registered(session, lead);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant evaluationDue = now.plus(Duration.ofDays(30));

        // Signed-for arrives before assigned: the unit row is filled in either order, the stage never goes back.
        publish(WORKFLOW, "banli.assignment.signed.v1", item, Map.of("submissionId", item,
                "assignmentId", item * 10 + 1, "unitId", 1, "signedAt", now.toString()));
        publish(WORKFLOW, "banli.assignment.assigned.v1", item, assigned(item, 1, "市教育局"));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", item,
                deadline(item, 7001 + item * 10, "SIGN_FOR", now.plus(Duration.ofDays(5)), "openedAt", now));
        publish(ALERTS, "banli.supervision.deadline-met.v1", item,
                deadline(item, 7001 + item * 10, "SIGN_FOR", now.plus(Duration.ofDays(5)), "metAt", now));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", item,
                deadline(item, 7002 + item * 10, "REPLY", now.plus(Duration.ofDays(90)), "openedAt", now));
        publish(WORKFLOW, "banli.assignment.replied.v1", item, replied(item, 1, 8000 + item, List.of(lead)));
        publish(ALERTS, "banli.supervision.deadline-met.v1", item,
                deadline(item, 7002 + item * 10, "REPLY", now.plus(Duration.ofDays(90)), "metAt", now));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", item,
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
        publish(WORKFLOW, "banli.assignment.assigned.v1", item, assigned(item, 1, "市教育局"));
        publish(WORKFLOW, "banli.assignment.evaluated.v1", item, Map.of("submissionId", item,
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
        long session = session();
        long lead = member();
        long item = registered(session, lead);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(WORKFLOW, "banli.assignment.assigned.v1", item, assigned(item, 1, "市教育局"));
        publish(WORKFLOW, "banli.assignment.replied.v1", item, replied(item, 1, 8000 + item, List.of(lead)));
        publish(ALERTS, "banli.supervision.deadline-opened.v1", item,
                deadline(item, 7003 + item * 10, "EVALUATION", now.plus(Duration.ofDays(30)), "openedAt", now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(progress(Tokens.member(lead), lead)
                .getList("items[0].nextActions.action")).containsExactly("EVALUATE"));
        publish(ALERTS, "banli.supervision.deadline-expired.v1", item,
                deadline(item, 7003 + item * 10, "EVALUATION", now.plus(Duration.ofDays(30)), "expiredAt", now));
        // A reply returned after its due time reopens the deadline already late: overdue at once.
        publish(ALERTS, "banli.supervision.deadline-opened.v1", item,
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
        long session = session();
        long lead = member();
        long coSigner = member();
        Instant cutOff = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        long draftId = draft(session, lead, "关于加快老旧小区加装电梯的建议", Map.of(coSigner, "INVITED"), cutOff);
        long registeredItem = registered(session, lead);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(progress(Tokens.member(lead), lead).getList("items.id", Long.class))
                    .containsExactly(registeredItem, draftId);
            assertThat(progress(Tokens.member(coSigner), coSigner).getList("items.id", Long.class))
                    .containsExactly(draftId);
        });

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
                .body("total", equalTo(1)).body("items[0].id", equalTo(draftId));
        given().auth().oauth2(Tokens.member(lead)).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/members/" + lead + "/progress").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo(draftId));
        given().auth().oauth2(Tokens.member(lead)).queryParam("stage", "SOMEWHERE")
                .get("/api/v1/members/" + lead + "/progress").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheMemberThePlatformsActingForThemAndTheOfficeMayLook() {
        long lead = member();
        long other = member();
        String covering = client(List.of("webhooks:manage", "progress:read"), List.of(lead), List.of(), List.of());
        String notCovering = client(List.of("webhooks:manage", "progress:read"), List.of(other), List.of(), List.of());
        awaitMember(lead);
        awaitMember(other);
        awaitKnown(token(covering, "progress:read", null), lead);
        awaitKnown(token(notCovering, "progress:read", null), lead);

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

    /**
     * A revocation or a narrowed registration applies as soon as reporting has read intake's announcement of it:
     * revoked is 401, a member the grant no longer covers 403, as in intake.
     */
    @Test
    void theRegistryAsIntakeAnnouncedItDecidesEveryPlatformCall() {
        long lead = member();
        long other = member();
        String portal = client(List.of("progress:read"), List.of(lead), List.of(), List.of());
        awaitMember(lead);
        awaitKnown(token(portal, "progress:read", lead), lead);
        given().auth().oauth2(token(portal, "progress:read", lead)).get("/api/v1/members/" + lead + "/progress")
                .then().statusCode(200);
        given().auth().oauth2(token(portal, "progress:read", other)).get("/api/v1/members/" + other + "/progress")
                .then().statusCode(403).contentType("application/problem+json");
        // A client the registry never held is 401, whatever its token says.
        given().auth().oauth2(token("portal-unknown-" + lead, "progress:read", lead))
                .get("/api/v1/members/" + lead + "/progress").then().statusCode(401);

        // Narrowed to the other member: the token's member is refused at once.
        ProgressFixtures.grant(portal, "ACTIVE", List.of("progress:read"), false, List.of(other), List.of(), List.of(),
                1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(token(portal, "progress:read", lead)).get("/api/v1/members/" + lead + "/progress").then()
                .statusCode(403));
        // A delegation grant covers the member by the delegation intake announced for them.
        String delegation = "朝阳区代表团" + lead;
        long delegate = member(delegation);
        ProgressFixtures.grant(portal, "ACTIVE", List.of("progress:read"), false, List.of(), List.of(delegation),
                List.of(), 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(token(portal, "progress:read", null)).get("/api/v1/members/" + delegate + "/progress").then()
                .statusCode(200));
        given().auth().oauth2(token(portal, "progress:read", null)).get("/api/v1/members/" + other + "/progress")
                .then().statusCode(404);
        // Revoked: 401, and an older change replayed does not bring it back.
        ProgressFixtures.grant(portal, "REVOKED", List.of("progress:read"), false, List.of(), List.of(delegation),
                List.of(), 3);
        ProgressFixtures.grant(portal, "ACTIVE", List.of("progress:read"), true, List.of(), List.of(), List.of(), 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(token(portal, "progress:read", null)).get("/api/v1/members/" + delegate + "/progress").then()
                .statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
    }

    /**
     * A portal whose token names no member sees of the member's progress what it would see of the item list: no
     * drafts, nothing confidential; naming the member, what the member sees (intake's PlatformGrantTest rows).
     */
    @Test
    void aPortalWithoutMemberIdSeesNeitherDraftsNorConfidentialItems() {
        long session = session();
        long mine = member();
        long colleague = member();
        long stranger = member("朝阳区代表团" + System.nanoTime());
        registered(session, mine);
        registered(session, mine, List.of(), true);
        registered(session, colleague, List.of(mine), false);
        draft(session, mine, "关于增设社区食堂的建议", Map.of(), null);
        String client = client(List.of(Tokens.ALL_SCOPES), List.of(mine), List.of(), List.of());
        awaitMember(stranger);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token(client, "progress:read",
                mine)).queryParam("sessionId", session).get("/api/v1/members/" + mine + "/progress").then()
                .statusCode(200).body("total", equalTo(4)));
        String portal = Tokens.platform(client, null, Tokens.ALL_SCOPES);
        given().auth().oauth2(portal).get("/api/v1/members/" + stranger + "/progress").then().statusCode(404);
        given().auth().oauth2(portal).queryParam("sessionId", session).get("/api/v1/members/" + mine + "/progress")
                .then().statusCode(200).body("total", equalTo(2));
    }

    /** The read is audited as in intake: one entry naming the member, the reader and the path. */
    @Test
    void aReadOfAMembersProgressLeavesOneAuditEntry() {
        long deputy = member();
        awaitMember(deputy);
        String progress = "/api/v1/members/" + deputy + "/progress";
        given().auth().oauth2(Tokens.member(deputy)).get(progress).then().statusCode(200);
        // The office's reads while waiting left their own entries; the member's read left one.
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select action, subject_id, actor, result, detail from audit_log where subject_id = :s "
                        + "and actor = :actor and action like '%.read' order by id").setParameter("s", String.valueOf(deputy))
                .setParameter("actor", "member-" + deputy).getResultList());
        assertThat(rows.stream().map(r -> Arrays.stream((Object[]) r).map(String::valueOf).toList()).toList())
                .containsExactly(List.of("member-progress.read", String.valueOf(deputy), "member-" + deputy, "SUCCESS",
                        progress));
    }

    static String token(String clientId, String scope, Long memberId) {
        return Tokens.platform(clientId, memberId, scope);
    }
}
