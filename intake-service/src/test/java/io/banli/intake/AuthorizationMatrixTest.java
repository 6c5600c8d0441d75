package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.portalFor;
import static io.banli.intake.IntakeFixtures.received;
import static io.banli.intake.IntakeFixtures.registered;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.banli.intake.IntakeFixtures.versioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.OperationCoverage;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Each role against each endpoint, on its own and on a foreign object. A forbidden object answers 404
 * like a missing one; a role that may never call an operation gets 403; what was refused changed nothing. Platforms
 * appear with every kind of token: the congress-wide portal with and without {@code member_id}, and portals
 * registered for one member asking without {@code member_id} (narrowed to their grant). An operation of the
 * OpenAPI document without a row fails the build.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    long session;
    long own;
    long foreign;
    long unit;
    long registeredItem;
    long draftItem;
    Map<String, String> roles;
    String ownPlatformClient;
    long ownSubscription;
    long attachment;
    /** Every request of the table, METHOD /path: each operation of the OpenAPI document must be among them. */
    static final Set<String> ROWS = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void aRegisteredItemAssignedToAUnitAndADraft() {
        session = session("PEOPLES_CONGRESS");
        own = member("DEPUTY");
        foreign = member("DEPUTY");
        registeredItem = registered(session, own);
        unit = 7_000 + registeredItem;
        EventSender.cloudEvent("banli.assignment.workflow", String.valueOf(registeredItem), UUID.randomUUID().toString(),
                "banli.assignment.assigned.v1", Contracts.data("banli.assignment.assigned.v1",
                        "submissionId", registeredItem, "unitId", unit, "unitName", "市交通运输局",
                        "assignedAt", "2025-02-01T02:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.unitStaff(unit))
                .get("/api/v1/submissions/" + registeredItem).then().statusCode(200));
        draftItem = ((Number) as(Tokens.member(own)).body(draft(session, "关于增设社区食堂的建议")).post("/api/v1/drafts")
                .then().statusCode(201).extract().path("id")).longValue();
        roles = new LinkedHashMap<>();
        roles.put("office", Tokens.office());
        roles.put("leader", Tokens.leader());
        roles.put("auditor", Tokens.auditor());
        roles.put("platform", Tokens.platform());
        roles.put("platform for own member", portalFor(own));
        roles.put("platform for foreign member", portalFor(foreign));
        roles.put("own member", Tokens.member(own));
        roles.put("foreign member", Tokens.member(foreign));
        roles.put("staff of own unit", Tokens.unitStaff(unit));
        roles.put("head of own unit", Tokens.unitHead(unit));
        roles.put("staff of foreign unit", Tokens.unitStaff(unit + 1));
        roles.put("head of foreign unit", Tokens.unitHead(unit + 1));
        // Platforms registered for one member only, whose tokens name no member: narrowed to their grant.
        String all = String.join(" ", Tokens.ALL_SCOPES);
        ownPlatformClient = IntegrationFixtures.narrowedClient(List.of(own), List.of(), List.of());
        roles.put("narrowed platform of own member, no member_id", IntegrationFixtures.token(ownPlatformClient, all,
                null));
        roles.put("narrowed platform of foreign member, no member_id", IntegrationFixtures.token(
                IntegrationFixtures.narrowedClient(List.of(foreign), List.of(), List.of()), all, null));
    }

    @Test
    void readingSubmissionsDraftsSimilarItemsAndTheAuditLog() {
        List<String> gaps = new ArrayList<>();
        // office, leader, auditor, platform (all members), platform for own, platform for foreign, own member,
        // foreign member, staff and head of own unit, of a foreign unit, narrowed platform of own, of foreign.
        // A leader sees only the key items they lead (LeaderAccessTest); this one is no key item.
        expectReads(gaps, "/api/v1/submissions/" + registeredItem,
                200, 404, 200, 200, 200, 404, 200, 404, 200, 200, 404, 404, 200, 404);
        expectReads(gaps, "/api/v1/submissions/" + registeredItem + "/attachments",
                200, 404, 200, 200, 200, 404, 200, 404, 200, 200, 404, 404, 200, 404);
        expectReads(gaps, "/api/v1/submissions/" + draftItem,
                404, 404, 404, 404, 200, 404, 200, 404, 404, 404, 404, 404, 404, 404);
        expectReads(gaps, "/api/v1/submissions/" + registeredItem + "/similar",
                200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
        expectReads(gaps, "/api/v1/audit-log?subjectType=submission&subjectId=" + registeredItem,
                200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
        // A leader reads only the proposers of the key items they lead (LeaderAccessTest); this one is no key item.
        expectReads(gaps, "/api/v1/members/" + own,
                200, 404, 200, 200, 200, 404, 200, 404, 403, 403, 403, 403, 200, 404);
        expectReads(gaps, "/api/v1/members/" + foreign,
                200, 404, 200, 200, 404, 200, 404, 200, 403, 403, 403, 403, 404, 200);
        // The member register: the office's (and the auditor's); a platform lists only the members it covers (one
        // with member_id: that one); a leader none.
        int[] membersListed = {-1, 403, -1, -1, 1, 1, 403, 403, 403, 403, 403, 403, 1, 1};
        int r = 0;
        for (Map.Entry<String, String> role : roles.entrySet()) {
            ROWS.add("GET /api/v1/members");
            var answer = given().auth().oauth2(role.getValue()).get("/api/v1/members").then().extract();
            int expected = membersListed[r++];
            if (expected >= 100 && answer.statusCode() != expected) {
                gaps.add("GET /api/v1/members as " + role.getKey() + ": " + answer.statusCode() + ", expected " + expected);
            } else if (expected >= 0 && expected < 100 && (answer.statusCode() != 200
                    || answer.jsonPath().getList("id").size() != expected)) {
                gaps.add("GET /api/v1/members as " + role.getKey() + ": " + answer.statusCode() + " "
                        + answer.body().asString() + ", expected " + expected + " member(s)");
            }
        }
        int[] visibleInSession = {1, 0, 1, 1, 2, 0, 2, 0, 1, 1, 0, 0, 1, 0};
        int i = 0;
        for (Map.Entry<String, String> role : roles.entrySet()) {
            ROWS.add("GET /api/v1/submissions");
            int total = given().auth().oauth2(role.getValue()).queryParam("sessionId", session)
                    .get("/api/v1/submissions").then().statusCode(200).extract().path("total");
            if (total != visibleInSession[i]) {
                gaps.add(role.getKey() + " lists " + total + " items, expected " + visibleInSession[i]);
            }
            i++;
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void changingSubmissions() {
        List<String> gaps = new ArrayList<>();
        // 0: allowed, exercised once below or in the capability's own test.
        // File and register in one step: the office alone; portals draft and file for their member.
        expectWrites(gaps, "POST", "/api/v1/submissions", suggestion(session, own), Map.of("office", 201), 403);
        // Drafting: a member, or a platform acting for one.
        expectWrites(gaps, "POST", "/api/v1/drafts", draft(session, "关于规范共享单车停放的建议"), Map.of(
                "platform for own member", 201, "platform for foreign member", 201, "own member", 201,
                "foreign member", 201), 403);
        // Editing, inviting, filing a draft: only its proposer.
        Map<String, Object> edit = new LinkedHashMap<>(draft(session, "关于增设社区食堂的建议"));
        edit.remove("kind");
        edit.remove("sessionId");
        edit.put("version", 0);
        Map<String, Integer> onlyTheProposer = Map.of("platform for foreign member", 404, "foreign member", 404,
                "own member", 0, "platform for own member", 0);
        expectWrites(gaps, "PUT", "/api/v1/drafts/" + draftItem, edit, onlyTheProposer, 403);
        expectWrites(gaps, "POST", "/api/v1/drafts/" + draftItem + "/co-signers",
                Map.of("version", 0, "memberIds", List.of(foreign)), onlyTheProposer, 403);
        expectWrites(gaps, "POST", "/api/v1/drafts/" + draftItem + "/filing", Map.of("version", 0), onlyTheProposer, 403);
        // Signing: only an invited member; nobody was invited.
        expectWrites(gaps, "POST", "/api/v1/drafts/" + draftItem + "/signature", Map.of(), Map.of(
                "platform for foreign member", 404, "foreign member", 404, "platform for own member", 404,
                "own member", 404), 403);
        // The review: only the office.
        long receivedItem = received(session, own);
        long receivedVersion = IntakeFixtures.version(receivedItem);
        Map<String, Integer> onlyTheOffice = Map.of("office", 0);
        expectWrites(gaps, "POST", "/api/v1/submissions/" + receivedItem + "/refusal",
                versioned(receivedItem, "reason", "理由", "disposition", "LETTER"), onlyTheOffice, 403);
        expectWrites(gaps, "POST", "/api/v1/submissions/" + receivedItem + "/merge",
                versioned(receivedItem, "intoSubmissionId", registeredItem), onlyTheOffice, 403);
        expectWrites(gaps, "PATCH", "/api/v1/submissions/" + receivedItem, versioned(receivedItem, "field", "OTHER"),
                onlyTheOffice, 403);
        expectWrites(gaps, "POST", "/api/v1/submissions/" + receivedItem + "/registration", versioned(receivedItem),
                onlyTheOffice, 403);
        // Withdrawal: the proposer (or the office recording it); a foreign member or an anonymous platform sees nothing.
        expectWrites(gaps, "POST", "/api/v1/submissions/" + receivedItem + "/withdrawal",
                versioned(receivedItem, "reason", "撤回"), Map.of("office", 0, "own member", 0,
                        "platform for own member", 0, "platform", 404, "platform for foreign member", 404,
                        "foreign member", 404, "narrowed platform of own member, no member_id", 404,
                        "narrowed platform of foreign member, no member_id", 404), 403);
        // Attachments: the proposer and the office.
        expectWrites(gaps, "POST", "/api/v1/submissions/" + receivedItem + "/attachments?name=a.txt", "附件",
                Map.of("office", 0, "own member", 0, "platform for own member", 0, "platform", 404,
                        "platform for foreign member", 404, "foreign member", 404,
                        "narrowed platform of own member, no member_id", 404,
                        "narrowed platform of foreign member, no member_id", 404), 403);
        // Bulk registration and refusal of a session's reviewed items: only the office.
        expectWrites(gaps, "POST", "/api/v1/sessions/" + session + "/registrations",
                Map.of("submissionIds", List.of(receivedItem)), onlyTheOffice, 403);
        expectWrites(gaps, "POST", "/api/v1/sessions/" + session + "/refusals", Map.of("submissionIds",
                List.of(receivedItem), "reason", "理由", "disposition", "LETTER"), onlyTheOffice, 403);
        // Import, sessions, members, fields: only the office.
        expectWrites(gaps, "POST", "/api/v1/imports?sessionId=" + session, List.of(), onlyTheOffice, 403);
        expectWrites(gaps, "POST", "/api/v1/sessions", Map.of("kind", "CPPCC", "level", "CITY", "name", "无权开的会",
                "year", 2026), onlyTheOffice, 403);
        expectWrites(gaps, "PUT", "/api/v1/fields/UNAUTHORISED", Map.of("name", "无权", "active", true), onlyTheOffice, 403);
        // Dead letters (the kit's operations API): the office lists and re-drives (offset -1: 400, nothing replayed).
        expectWrites(gaps, "GET", "/api/v1/dead-letters?limit=1", Map.of(), Map.of("office", 200), 403);
        expectWrites(gaps, "POST", "/api/v1/dead-letters/0/-1/replay", Map.of(), Map.of("office", 400), 403);
        assertThat(gaps).isEmpty();

        // Nothing above changed the item: the office still finds it received, without attachments.
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + receivedItem).then()
                .body("state", org.hamcrest.Matchers.equalTo("RECEIVED")).body("version", org.hamcrest.Matchers.equalTo((int) receivedVersion));
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + receivedItem + "/attachments").then()
                .body("size()", org.hamcrest.Matchers.equalTo(0));
        // And the allowed callers may: the office registers, the proposer withdraws.
        as(Tokens.office()).body(versioned(receivedItem)).post("/api/v1/submissions/" + receivedItem + "/registration")
                .then().statusCode(200);
        as(Tokens.member(own)).body(versioned(receivedItem, "reason", "撤回"))
                .post("/api/v1/submissions/" + receivedItem + "/withdrawal").then().statusCode(200);
    }

    @Test
    void platformClientsWebhooksSessionsFieldsMembersAndImports() {
        List<String> gaps = new ArrayList<>();
        String owner = "narrowed platform of own member, no member_id";
        // A subscription of the narrowed client (to an event type intake's tests never send), and an attachment.
        ownSubscription = ((Number) as(roles.get(owner)).body(Map.of("callbackUrl", "http://127.0.0.1:9/hook",
                "eventTypes", List.of("closed"))).post("/api/v1/webhook-subscriptions").then().statusCode(201)
                .extract().path("id")).longValue();
        attachment = ((Number) given().auth().oauth2(Tokens.office()).contentType("text/plain").body("附件")
                .queryParam("name", "a.txt").post("/api/v1/submissions/" + registeredItem + "/attachments").then()
                .statusCode(201).extract().path("id")).longValue();

        // office, leader, auditor, platform (all members), platform for own, platform for foreign, own member,
        // foreign member, staff and head of own unit, of a foreign unit, narrowed platform of own, of foreign.
        expectReads(gaps, "/api/v1/sessions", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        expectReads(gaps, "/api/v1/sessions/" + session,
                200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        expectReads(gaps, "/api/v1/fields", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        expectReads(gaps, "/api/v1/submissions/" + registeredItem + "/attachments/" + attachment,
                200, 404, 200, 200, 200, 404, 200, 404, 200, 200, 404, 404, 200, 404);
        expectReads(gaps, "/api/v1/imports/999999999",
                404, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
        // The registry: the office and the auditor; a platform reads its own registration only.
        expectReads(gaps, "/api/v1/platform-clients",
                200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
        expectReads(gaps, "/api/v1/platform-clients/" + ownPlatformClient,
                200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
        expectReads(gaps, "/api/v1/platform-clients/" + ownPlatformClient + "/calls",
                200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
        expectReads(gaps, "/api/v1/platform-clients/me",
                403, 403, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 200);
        // Webhooks: a platform manages its own (another client's answers 404); office and auditor read.
        expectReads(gaps, "/api/v1/webhook-subscriptions",
                200, 403, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 200);
        expectReads(gaps, "/api/v1/webhook-subscriptions/" + ownSubscription,
                200, 403, 200, 404, 404, 404, 403, 403, 403, 403, 403, 403, 200, 404);
        expectReads(gaps, "/api/v1/webhook-subscriptions/" + ownSubscription + "/deliveries",
                200, 403, 200, 404, 404, 404, 403, 403, 403, 403, 403, 403, 200, 404);

        Map<String, Integer> platforms = Map.of("platform", 404, "platform for own member", 404,
                "platform for foreign member", 404, owner, 0, "narrowed platform of foreign member, no member_id", 404);
        expectWrites(gaps, "POST", "/api/v1/webhook-subscriptions/" + ownSubscription + "/resumption", Map.of(),
                with(platforms, owner, 409), 403);
        expectWrites(gaps, "POST", "/api/v1/webhook-subscriptions/" + ownSubscription + "/secret-rotation", Map.of(),
                platforms, 403);
        expectWrites(gaps, "DELETE", "/api/v1/webhook-subscriptions/" + ownSubscription, Map.of(), platforms, 403);
        expectWrites(gaps, "POST", "/api/v1/webhook-deliveries/999999999/redelivery", Map.of(),
                with(platforms, owner, 404), 403);
        // A body the allowed callers' validation refuses: past security (400), nothing created.
        expectWrites(gaps, "POST", "/api/v1/webhook-subscriptions", Map.of(), Map.of("platform", 400,
                "platform for own member", 400, "platform for foreign member", 400, owner, 400,
                "narrowed platform of foreign member, no member_id", 400), 403);
        expectWrites(gaps, "POST", "/api/v1/platform-clients", Map.of(), Map.of("office", 400), 403);
        expectWrites(gaps, "PATCH", "/api/v1/platform-clients/" + ownPlatformClient, Map.of(), Map.of("office", 400), 403);
        expectWrites(gaps, "POST", "/api/v1/platform-clients/pc-nobody/secret-rotation", Map.of(),
                Map.of("office", 404), 403);
        expectWrites(gaps, "POST", "/api/v1/platform-clients/pc-nobody/revocation", Map.of(), Map.of("office", 404), 403);
        expectWrites(gaps, "POST", "/api/v1/members", Map.of(), Map.of("office", 400), 403);
        expectWrites(gaps, "POST", "/api/v1/members/groups", Map.of(), Map.of("office", 400), 403);
        expectWrites(gaps, "POST", "/api/v1/members/roster", "", Map.of("office", 0), 403);
        assertThat(gaps).isEmpty();
        // The subscription was not stopped, rotated or resumed by anyone but its owner.
        given().auth().oauth2(Tokens.office()).get("/api/v1/webhook-subscriptions/" + ownSubscription).then()
                .body("state", org.hamcrest.Matchers.equalTo("ACTIVE"));

        // The token endpoint takes no bearer token: a client that is not registered is refused whoever asks.
        ROWS.add("POST /api/v1/oauth2/token");
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", "pc-nobody").formParam("client_secret", "wrong").post("/api/v1/oauth2/token")
                .then().statusCode(401);
    }

    /** Every operation of intake's OpenAPI document has a row above: a new endpoint without one fails here. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyOperationHasARow() {
        assertThat(OperationCoverage.ofRunningService().withoutRow(ROWS)).as("operations without a row").isEmpty();
    }

    private static Map<String, Integer> with(Map<String, Integer> map, String key, int value) {
        Map<String, Integer> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** Expected statuses in the order of {@link #roles}. */
    private void expectReads(List<String> gaps, String path, int... expected) {
        ROWS.add("GET " + path);
        int i = 0;
        for (Map.Entry<String, String> role : roles.entrySet()) {
            int status = given().auth().oauth2(role.getValue()).get(path).then().extract().statusCode();
            if (status != expected[i]) {
                gaps.add("GET " + path + " as " + role.getKey() + ": " + status + ", expected " + expected[i]);
            }
            i++;
        }
    }

    /** Calls as each role: listed roles expect their listed status (0: skipped), the others {@code otherwise}. */
    private void expectWrites(List<String> gaps, String method, String path, Object body, Map<String, Integer> listed,
            int otherwise) {
        ROWS.add(method + " " + path);
        for (Map.Entry<String, String> role : roles.entrySet()) {
            int expected = listed.getOrDefault(role.getKey(), otherwise);
            if (expected == 0) {
                continue;
            }
            var request = given().auth().oauth2(role.getValue());
            request = body instanceof String text
                    ? request.contentType(path.endsWith("/roster") ? "text/csv" : "text/plain").body(text)
                    : request.contentType(ContentType.JSON).body(body);
            int status = request.request(method, path).then().extract().statusCode();
            if (status != expected) {
                gaps.add(method + " " + path + " as " + role.getKey() + ": " + status + ", expected " + expected);
            }
        }
    }
}
