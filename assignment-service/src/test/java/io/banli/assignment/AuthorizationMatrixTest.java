package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.proposer;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.submittedReply;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.banli.testing.EventSender;
import io.banli.testing.OperationCoverage;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every role against every endpoint, on its own and on a foreign object: the wrong role is 403, a foreign
 * unit's or member's object, or a key item another leader leads, is 404 (ids cannot be probed), no token is
 * 401, and the right caller gets past security (whatever the state then says). Every operation of the
 * OpenAPI document has a row.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Actor {
        ANONYMOUS, OFFICE, LEADER, FOREIGN_LEADER, AUDITOR, STAFF, FOREIGN_STAFF, HEAD, FOREIGN_HEAD, MEMBER, FOREIGN_MEMBER,
        PLATFORM
    }

    private static final Set<Actor> UNIT = Set.of(Actor.STAFF, Actor.FOREIGN_STAFF, Actor.HEAD, Actor.FOREIGN_HEAD);
    private static final Set<Actor> HEADS = Set.of(Actor.HEAD, Actor.FOREIGN_HEAD);
    private static final Set<Actor> MEMBERS = Set.of(Actor.MEMBER, Actor.FOREIGN_MEMBER, Actor.PLATFORM);
    private static final Set<Actor> OFFICE = Set.of(Actor.OFFICE);
    private static final Set<Actor> READERS = Set.of(Actor.OFFICE, Actor.LEADER, Actor.FOREIGN_LEADER, Actor.AUDITOR);
    /** Every signed-in person; a platform's token reaches only operations that name a scope. */
    private static final Set<Actor> PEOPLE = Set.of(Actor.values()).stream()
            .filter(a -> a != Actor.ANONYMOUS && a != Actor.PLATFORM).collect(java.util.stream.Collectors.toSet());
    /** The fixtures' key items name this leading official. */
    static final String LEADING_OFFICIAL = "李副市长";

    record Endpoint(String method, String path, Object body, Set<Actor> allowed, boolean rowScoped) {
    }

    @Test
    void everyRoleOnEveryEndpoint() {
        long item = registeredSubmission();
        long own = unit("市教育局");
        long foreign = unit("市民政局");
        assign(item, "SOLE", own);
        signFor(item, own);
        long reply = submittedReply(item, own, "B");
        accept(item, reply);
        Number commitment = given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("replies[0].commitments[0].id");
        Map<Actor, String> tokens = tokens(item, own, foreign);
        Map<String, Object> text = Map.of("text", "说明", "reason", "理由");

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", path(item, ""), null, union(READERS, UNIT), true),
                new Endpoint("GET", path(item, "/replies/" + reply + "/letter"), null,
                        union(union(READERS, UNIT), MEMBERS), true),
                new Endpoint("GET", "/api/v1/units", null, PEOPLE, false),
                new Endpoint("GET", "/api/v1/units/" + own, null, PEOPLE, false),
                new Endpoint("POST", "/api/v1/units", Map.of(), OFFICE, false),
                new Endpoint("POST", path(item, "/pre-assignment"), Map.of("mode", "SOLE", "leadUnitId", own), OFFICE,
                        false),
                new Endpoint("POST", path(item, "/assignment"), Map.of("mode", "SOLE", "leadUnitId", own), OFFICE,
                        false),
                new Endpoint("POST", path(item, "/pre-assignment/confirmation"), null, OFFICE, false),
                new Endpoint("POST", "/api/v1/pre-assignments", Map.of("items", List.of(Map.of("submissionId", item,
                        "mode", "SOLE", "leadUnitId", own))), OFFICE, false),
                new Endpoint("POST", "/api/v1/sessions/1/assignment", null, OFFICE, false),
                new Endpoint("GET", path(item, "/recommended-units"), null, OFFICE, false),
                new Endpoint("GET", "/api/v1/sessions/1/recommended-pre-assignments", null, OFFICE, false),
                new Endpoint("POST", path(item, "/adjustment-request"), text, UNIT, true),
                new Endpoint("POST", path(item, "/adjustment-decision"), Map.of("unitId", own, "decision", "KEEP",
                        "reason", "维持"), OFFICE, false),
                new Endpoint("POST", path(item, "/sign-for"), null, UNIT, true),
                new Endpoint("POST", path(item, "/contacts"), Map.of("timing", "AFTER", "method", "PHONE",
                        "contactedOn", "2025-03-01"), UNIT, true),
                new Endpoint("POST", path(item, "/opinion"), text, UNIT, true),
                new Endpoint("POST", path(item, "/holding-answer"), text, UNIT, true),
                new Endpoint("POST", path(item, "/replies"), AssignmentFixtures.reply("A"), UNIT, true),
                new Endpoint("POST", path(item, "/replies/" + reply + "/approval"), null, HEADS, true),
                new Endpoint("POST", path(item, "/replies/" + reply + "/submission"), null, UNIT, true),
                new Endpoint("POST", path(item, "/replies/" + reply + "/acceptance"), Map.of(), OFFICE, false),
                new Endpoint("POST", path(item, "/replies/" + reply + "/return"), text, OFFICE, false),
                new Endpoint("POST", path(item, "/replies/" + reply + "/evaluations"), Map.of("rating", "SATISFIED"),
                        MEMBERS, true),
                new Endpoint("POST", path(item, "/extension-request"), Map.of("until", "2099-01-01", "reason", "理由"),
                        UNIT, true),
                new Endpoint("POST", path(item, "/extension-decision"), Map.of("unitId", own, "approved", false,
                        "reason", "不同意"), OFFICE, false),
                new Endpoint("POST", path(item, "/commitments/" + commitment + "/progress"), Map.of("percent", 10,
                        "note", "进展", "progressedOn", "2025-05-01"), UNIT, true),
                new Endpoint("GET", "/api/v1/board", null, READERS, false),
                new Endpoint("GET", "/api/v1/inbox", null, UNIT, false),
                new Endpoint("GET", "/api/v1/my-items", null, MEMBERS, false),
                // The kit's dead-letter operations; offset -1 is refused (400), so nothing is replayed.
                new Endpoint("GET", "/api/v1/dead-letters", null, OFFICE, false),
                new Endpoint("POST", "/api/v1/dead-letters/0/-1/replay", null, OFFICE, false));

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Actor actor : Actor.values()) {
                int status = call(endpoint, tokens.get(actor));
                boolean foreignActor = actor.name().startsWith("FOREIGN");
                String verdict;
                if (actor == Actor.ANONYMOUS) {
                    verdict = status == 401 ? null : "401";
                } else if (!endpoint.allowed().contains(actor)) {
                    verdict = status == 403 ? null : "403";
                } else if (foreignActor && endpoint.rowScoped()) {
                    verdict = status == 404 ? null : "404";
                } else {
                    verdict = status == 401 || status == 403 || status == 404 ? "past security" : null;
                }
                if (verdict != null) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + actor + ": " + status
                            + ", expected " + verdict);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(OperationCoverage.ofRunningService().withoutRow(endpoints.stream()
                .map(e -> e.method() + " " + e.path()).toList())).as("operations without a row").isEmpty();
    }

    @Test
    void aLeaderSeesOnlyTheKeyItemsTheyLead() {
        long item = AssignmentFixtures.nextSubmissionId();
        String official = "副市长" + item;
        EventSender.cloudEvent(AssignmentFixtures.INTAKE_TOPIC, String.valueOf(item), UUID.randomUUID().toString(),
                AssignmentFixtures.REGISTERED, AssignmentFixtures.registeredEvent(item).replace(LEADING_OFFICIAL,
                        official));
        AssignmentFixtures.awaitKnown(item);
        assign(item, "SOLE", unit("市教育局"));
        String leader = Tokens.leader(official);
        String other = Tokens.leader("周副市长");

        given().auth().oauth2(leader).get(path(item, "")).then().statusCode(200);
        given().auth().oauth2(other).get(path(item, "")).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.leader()).get(path(item, "")).then().statusCode(404);
        List<Long> onMyBoard = given().auth().oauth2(leader).queryParam("size", 200).get("/api/v1/board")
                .then().statusCode(200).extract().jsonPath().getList("items.submissionId", Long.class);
        assertThat(onMyBoard).containsExactly(item);
        List<Long> onOtherBoard = given().auth().oauth2(other).queryParam("size", 200).get("/api/v1/board")
                .then().statusCode(200).extract().jsonPath().getList("items.submissionId", Long.class);
        assertThat(onOtherBoard).doesNotContain(item);
        Number total = given().auth().oauth2(Tokens.leader()).get("/api/v1/board").then().statusCode(200)
                .extract().path("total");
        assertThat(total.longValue()).as("a leader's token without a name sees nothing").isZero();
    }

    private static int call(Endpoint endpoint, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path()).statusCode();
    }

    private static Map<Actor, String> tokens(long item, long own, long foreign) {
        Map<Actor, String> tokens = new LinkedHashMap<>();
        tokens.put(Actor.ANONYMOUS, null);
        tokens.put(Actor.OFFICE, Tokens.office());
        tokens.put(Actor.LEADER, Tokens.leader(LEADING_OFFICIAL));
        tokens.put(Actor.FOREIGN_LEADER, Tokens.leader("周副市长"));
        tokens.put(Actor.AUDITOR, Tokens.auditor());
        tokens.put(Actor.STAFF, Tokens.unitStaff(own));
        tokens.put(Actor.FOREIGN_STAFF, Tokens.unitStaff(foreign));
        tokens.put(Actor.HEAD, Tokens.unitHead(own));
        tokens.put(Actor.FOREIGN_HEAD, Tokens.unitHead(foreign));
        tokens.put(Actor.MEMBER, Tokens.member(proposer(item)));
        tokens.put(Actor.FOREIGN_MEMBER, Tokens.member(proposer(item) + 7));
        tokens.put(Actor.PLATFORM, Tokens.platformFor(proposer(item)));
        return tokens;
    }

    private static Set<Actor> union(Set<Actor> a, Set<Actor> b) {
        Set<Actor> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
