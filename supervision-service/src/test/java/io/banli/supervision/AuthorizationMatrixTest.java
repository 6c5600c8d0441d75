package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.OperationCoverage;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every role against every operation of supervision's OpenAPI document, on an overdue, explained key item
 * of its own unit and as a foreigner: no token is 401, the wrong role 403, a foreign unit's or another
 * leader's object 404 (ids cannot be probed) and a list shows a foreigner none of the item's rows; the
 * right caller gets past security, whatever the state then says. An operation without a row fails.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String LEADER = "孙副市长";

    enum Actor {
        ANONYMOUS, OFFICE, LEADER, OTHER_LEADER, AUDITOR, STAFF, FOREIGN_STAFF, HEAD, FOREIGN_HEAD, MEMBER, PLATFORM
    }

    /** How a row answers a foreigner: not at all (404), with none of the item's rows, or like anyone. */
    enum Scope { ROW, LIST, NONE }

    /** Every signed-in person; a platform reaches only operations that name one of its scopes, and none here do. */
    private static final Set<Actor> EVERYONE = EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS, Actor.PLATFORM));
    private static final Set<Actor> OFFICE = EnumSet.of(Actor.OFFICE);
    private static final Set<Actor> UNITS = EnumSet.of(Actor.STAFF, Actor.FOREIGN_STAFF, Actor.HEAD,
            Actor.FOREIGN_HEAD);
    private static final Set<Actor> READERS = union(EnumSet.of(Actor.OFFICE, Actor.LEADER, Actor.OTHER_LEADER,
            Actor.AUDITOR), UNITS);

    record Row(String method, String path, Object body, Set<Actor> allowed, Scope scope) {
    }

    @Inject
    TestClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void everyRoleOnEveryOperation() {
        long own = newId();
        long foreign = newId();
        clock.travelTo(Instant.parse("2025-03-03T03:00:00Z"));
        Workflow item = Workflow.newItem();
        item.send("assigned", with(unit(newId(), own, "SOLE", "SUGGESTION", "CITY"), "keyItem", true,
                "leadingOfficial", LEADER, "assignedAt", "2025-03-03T02:00:00Z"));
        item.awaitDeadline("REPLY", "OPEN");
        clock.travelTo(Instant.parse("2025-03-10T02:00:00Z"));
        long signFor = item.awaitDeadline("SIGN_FOR", "OVERDUE").extract().<Number>path("[0].id").longValue();
        given().auth().oauth2(Tokens.unitStaff(own)).contentType(ContentType.JSON)
                .body(Map.of("text", "联络员调整，交接期间未及时签收。")).put(explanation(signFor)).then().statusCode(200);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of("submissionId",
                item.submission, "unitId", own, "kind", "REMINDER_CALL", "note", "电话催办签收", "takenOn", "2025-03-10"))
                .post("/api/v1/supervision-actions").then().statusCode(201);
        long notice = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("from", "2025-03-01", "to", "2025-03-31")).post("/api/v1/notices").then().statusCode(201)
                .extract().<Number>path("id").longValue();
        String ofItem = "?submissionId=" + item.submission;
        Map<String, Object> nothing = Map.of();

        List<Row> rows = List.of(
                new Row("GET", "/api/v1/calendar/2025", null, EVERYONE, Scope.NONE),
                // A body that fails validation: the allowed caller gets past security and changes nothing.
                new Row("PUT", "/api/v1/calendar/2095", nothing, OFFICE, Scope.NONE),
                new Row("GET", "/api/v1/calendar/working-days?from=2025-01-24&days=3", null, EVERYONE, Scope.NONE),
                new Row("GET", "/api/v1/calendar/working-days/between?from=2025-09-26&to=2025-10-13", null, EVERYONE,
                        Scope.NONE),
                new Row("GET", "/api/v1/deadline-rules", null, EVERYONE, Scope.NONE),
                new Row("PUT", "/api/v1/deadline-rules/REPLY", nothing, OFFICE, Scope.NONE),
                new Row("GET", "/api/v1/deadlines" + ofItem, null, READERS, Scope.LIST),
                new Row("PUT", explanation(signFor), Map.of("text", "再次说明"), UNITS, Scope.ROW),
                new Row("GET", explanation(signFor), null, READERS, Scope.ROW),
                new Row("POST", "/api/v1/supervision-actions", nothing, OFFICE, Scope.NONE),
                new Row("GET", "/api/v1/supervision-actions" + ofItem, null, READERS, Scope.LIST),
                new Row("POST", "/api/v1/notices", nothing, OFFICE, Scope.NONE),
                new Row("GET", "/api/v1/notices/" + notice, null, READERS, Scope.NONE),
                new Row("GET", "/api/v1/notices/" + notice + "/document", null, READERS, Scope.NONE),
                new Row("PUT", "/api/v1/unit-contacts/" + foreign, nothing, OFFICE, Scope.NONE),
                new Row("GET", "/api/v1/unit-contacts/" + own, null, OFFICE, Scope.NONE),
                new Row("PUT", "/api/v1/leader-contacts/" + LEADER, nothing, OFFICE, Scope.NONE),
                new Row("GET", "/api/v1/reminders" + ofItem, null, union(EnumSet.of(Actor.OFFICE, Actor.AUDITOR), UNITS),
                        Scope.LIST),
                // The kit's dead-letter operations; offset -1 is refused (400), so nothing is replayed.
                new Row("GET", "/api/v1/dead-letters", null, OFFICE, Scope.NONE),
                new Row("POST", "/api/v1/dead-letters/0/-1/replay", null, OFFICE, Scope.NONE));

        Map<Actor, String> tokens = tokens(own, foreign);
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (Actor actor : Actor.values()) {
                String verdict = verdict(row, actor, call(row, tokens.get(actor)));
                if (verdict != null) {
                    wrong.add(row.method() + " " + row.path() + " as " + actor + ": " + verdict);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(OperationCoverage.ofRunningService().withoutRow(rows.stream()
                .map(r -> r.method() + " " + r.path()).toList())).as("operations without a row").isEmpty();
    }

    /** Null when the answer is the one the table expects, else what was wrong. */
    private static String verdict(Row row, Actor actor, Response response) {
        int status = response.statusCode();
        boolean foreigner = actor == Actor.FOREIGN_STAFF || actor == Actor.FOREIGN_HEAD || actor == Actor.OTHER_LEADER;
        if (actor == Actor.ANONYMOUS) {
            return status == 401 ? null : status + ", expected 401";
        }
        if (!row.allowed().contains(actor)) {
            return status == 403 ? null : status + ", expected 403";
        }
        if (foreigner && row.scope() == Scope.ROW) {
            return status == 404 ? null : status + ", expected 404";
        }
        if (foreigner && row.scope() == Scope.LIST) {
            return status == 200 && response.jsonPath().getList("").isEmpty() ? null
                    : status + " " + response.asString() + ", expected none of the item's rows";
        }
        return status == 401 || status == 403 || status == 404 || status >= 500 ? status + ", expected past security"
                : null;
    }

    private static Response call(Row row, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.body() != null) {
            request = request.contentType(ContentType.JSON).body(row.body());
        }
        return request.request(row.method(), row.path());
    }

    private static String explanation(long deadlineId) {
        return "/api/v1/deadlines/" + deadlineId + "/explanation";
    }

    private static Map<Actor, String> tokens(long own, long foreign) {
        Map<Actor, String> tokens = new LinkedHashMap<>();
        tokens.put(Actor.ANONYMOUS, null);
        tokens.put(Actor.OFFICE, Tokens.office());
        tokens.put(Actor.LEADER, Tokens.leader(LEADER));
        tokens.put(Actor.OTHER_LEADER, Tokens.leader("钱副市长"));
        tokens.put(Actor.AUDITOR, Tokens.auditor());
        tokens.put(Actor.STAFF, Tokens.unitStaff(own));
        tokens.put(Actor.FOREIGN_STAFF, Tokens.unitStaff(foreign));
        tokens.put(Actor.HEAD, Tokens.unitHead(own));
        tokens.put(Actor.FOREIGN_HEAD, Tokens.unitHead(foreign));
        tokens.put(Actor.MEMBER, Tokens.member(1));
        tokens.put(Actor.PLATFORM, Tokens.platformFor(1));
        return tokens;
    }

    private static Set<Actor> union(Set<Actor> a, Set<Actor> b) {
        Set<Actor> all = EnumSet.noneOf(Actor.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
