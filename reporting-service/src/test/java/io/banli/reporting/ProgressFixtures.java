package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * A member's progress as told by the events it is built from: intake's member register, drafts, filings and
 * registrations and its platform registry, assignment's workflow and supervision's alerts, each from its
 * producer's published example ({@link Contracts#data}).
 */
final class ProgressFixtures {

    static final String INTAKE = "banli.intake.submissions";
    static final String WORKFLOW = "banli.assignment.workflow";
    static final String ALERTS = "banli.supervision.alerts";
    static final String DELEGATION = "东城区代表团";

    private ProgressFixtures() {
    }

    static long session() {
        return EventStream.nextId();
    }

    /** A member intake registered, of {@link #DELEGATION}. */
    static long member() {
        return member(DELEGATION);
    }

    static long member(String delegation) {
        long id = EventStream.nextId();
        member(id, delegation);
        return id;
    }

    static void member(long id, String delegation) {
        EventSender.cloudEvent(INTAKE, "member-" + id, newId(), "banli.intake.member.registered.v1", Contracts.data(
                "banli.intake.member.registered.v1", "memberId", id, "kind", "DEPUTY", "delegation", delegation,
                "registeredAt", Instant.now().toString()));
    }

    static Map<String, Object> proposer(long memberId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("memberId", memberId);
        p.put("name", "代表" + memberId);
        p.put("delegation", DELEGATION);
        p.put("kind", "DEPUTY");
        p.put("groupType", null);
        return p;
    }

    /** A registered suggestion of the session led by the member. */
    static long registered(long session, long lead) {
        return registered(session, lead, List.of(), false);
    }

    static long registered(long session, long lead, List<Long> coSigners, boolean confidential) {
        long id = EventStream.nextId();
        Map<String, Object> data = new HashMap<>();
        data.put("submissionId", id);
        data.put("sessionId", session);
        data.put("number", (int) (id % 100_000));
        data.put("kind", "SUGGESTION");
        data.put("leadProposer", proposer(lead));
        data.put("coSignerIds", coSigners);
        data.put("groupName", null);
        data.put("keyItem", false);
        data.put("leadingOfficial", null);
        data.put("confidential", confidential);
        data.put("registeredAt", Instant.now().toString());
        publish(INTAKE, "banli.intake.submission.registered.v1", id, data);
        return id;
    }

    /** A draft of the member with these co-signers ({@code memberId -> INVITED or SIGNED}). */
    static long draft(long session, long lead, String title, Map<Long, String> coSigners, Instant coSignUntil) {
        long id = EventStream.nextId();
        Map<String, Object> data = new HashMap<>();
        data.put("submissionId", id);
        data.put("sessionId", session);
        data.put("kind", "SUGGESTION");
        data.put("title", title);
        data.put("leadProposer", proposer(lead));
        data.put("coSigners", coSigners.entrySet().stream().map(c -> Map.of("memberId", c.getKey(), "status",
                c.getValue())).toList());
        data.put("state", "DRAFT");
        data.put("confidential", false);
        data.put("coSignUntil", coSignUntil == null ? null : coSignUntil.toString());
        data.put("changedAt", Instant.now().toString());
        publish(INTAKE, "banli.intake.submission.draft-changed.v1", id, data);
        return id;
    }

    /** A registered client with these scopes acting for these members, delegations and units. */
    static String client(List<String> scopes, List<Long> memberIds, List<String> delegations, List<Long> unitIds) {
        String clientId = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        grant(clientId, "ACTIVE", scopes, false, memberIds, delegations, unitIds, 0);
        return clientId;
    }

    static void grant(String clientId, String status, List<String> scopes, boolean allMembers, List<Long> memberIds,
            List<String> delegations, List<Long> unitIds, long version) {
        EventSender.cloudEvent(INTAKE, clientId, newId(), "banli.intake.platform-client.changed.v1", Contracts.data(
                "banli.intake.platform-client.changed.v1", Map.of("clientId", clientId, "status", status, "scopes",
                        scopes, "allMembers", allMembers, "memberIds", memberIds, "delegations", delegations,
                        "unitIds", unitIds, "version", version, "changedAt", Instant.now().toString())));
    }

    /**
     * Registers a client acting for every member with these scopes, as intake announces it, and waits until reporting
     * holds its grant. Waits on the table, not through the API, so no request counts against the client's rate limit.
     */
    static void registered(String clientId, long version, String... scopes) {
        grant(clientId, "ACTIVE", List.of(scopes), true, List.of(), List.of(), List.of(), version);
        awaitGrant(clientId, "ACTIVE", version);
    }

    static void awaitGrant(String clientId, String status, long version) {
        javax.sql.DataSource db = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var c = db.getConnection(); var s = c.prepareStatement(
                    "select 1 from platform_grant where client_id = ? and status = ? and version = ?")) {
                s.setString(1, clientId);
                s.setString(2, status);
                s.setLong(3, version);
                try (var rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Waits until reporting knows the client (its calls are no longer 401). */
    static void awaitKnown(String token, long memberId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/members/" + memberId + "/progress").then().statusCode(not(401)));
    }

    /** Waits until reporting knows the member (the office reads their progress). */
    static void awaitMember(long memberId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .get("/api/v1/members/" + memberId + "/progress").then().statusCode(200));
    }

    static JsonPath progress(String token, long memberId) {
        return given().auth().oauth2(token).get("/api/v1/members/" + memberId + "/progress").then().statusCode(200)
                .extract().jsonPath();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Publishes an event as its producer would: keyed and subjected by submission. */
    static void publish(String topic, String type, long submissionId, Map<String, ?> data) {
        EventSender.cloudEvent(topic, String.valueOf(submissionId), newId(), type, Contracts.data(type, data));
    }

    static Map<String, Object> assigned(long submissionId, long unitId, String unitName) {
        return Map.of("submissionId", submissionId, "assignmentId", submissionId * 10 + unitId, "unitId", unitId,
                "unitName", unitName, "mode", "SOLE", "role", "SOLE", "kind", "SUGGESTION",
                "assignedAt", Instant.now().toString());
    }

    static Map<String, Object> replied(long submissionId, long unitId, long replyId, List<Long> recipients) {
        return Map.ofEntries(Map.entry("submissionId", submissionId),
                Map.entry("assignmentId", submissionId * 10 + unitId), Map.entry("unitId", unitId),
                Map.entry("replyId", replyId), Map.entry("version", 1), Map.entry("round", 1),
                Map.entry("resultClass", "A"),
                Map.entry("fingerprint", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                Map.entry("disclosure", "PUBLIC"), Map.entry("recipientIds", recipients),
                Map.entry("repliedAt", Instant.now().toString()));
    }
}
