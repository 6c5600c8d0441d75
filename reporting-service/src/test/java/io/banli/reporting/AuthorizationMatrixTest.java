package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.banli.testing.OperationCoverage;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every role against every operation of reporting's OpenAPI document: no token is 401 (but open data
 * is public), the wrong role 403, a unit asking for another unit's figures 404 (ids cannot be probed),
 * the right caller gets past security. An operation without a row fails the build.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Actor { ANONYMOUS, OFFICE, LEADER, AUDITOR, STAFF, FOREIGN_STAFF, HEAD, FOREIGN_HEAD, MEMBER, PLATFORM }

    /**
     * Open data needs no token; a platform that sends one is held to its scopes, and open data names none
     * (it calls without a token, as anyone does).
     */
    private static final Set<Actor> ANYONE = EnumSet.complementOf(EnumSet.of(Actor.PLATFORM));
    private static final Set<Actor> OFFICE = EnumSet.of(Actor.OFFICE);
    private static final Set<Actor> REPORT_READERS = EnumSet.of(Actor.OFFICE, Actor.LEADER, Actor.AUDITOR);
    private static final Set<Actor> FIGURE_READERS = EnumSet.of(Actor.OFFICE, Actor.LEADER, Actor.AUDITOR, Actor.STAFF,
            Actor.FOREIGN_STAFF, Actor.HEAD, Actor.FOREIGN_HEAD);

    /** {@code unitScoped}: a foreign unit asking for the own unit's figures gets 404. */
    record Row(String method, String path, Set<Actor> allowed, boolean unitScoped) {
    }

    @Test
    void everyRoleOnEveryOperation() {
        long own = 9_100 + (System.nanoTime() % 800);
        long foreign = own + 1;
        String ofOwnUnit = "?unitId=" + own;
        Set<Actor> statisticsReaders = EnumSet.copyOf(FIGURE_READERS);
        statisticsReaders.add(Actor.PLATFORM);
        Set<Actor> compilationReaders = EnumSet.copyOf(REPORT_READERS);
        compilationReaders.add(Actor.PLATFORM);
        // A session reporting knows (the follow-up and compilation of an unknown one are 404 for everyone allowed).
        long session = sessionWithAnItem();
        // Member progress (moved from intake): a member their own, the portal for the member its grant covers (the
        // registry as intake announced it), the office and the auditor.
        Set<Actor> progressReaders = EnumSet.of(Actor.OFFICE, Actor.AUDITOR, Actor.MEMBER, Actor.PLATFORM);
        String progressOfMemberOne = memberOneAndThePortalKnown();
        String followUp = "/api/v1/sessions/" + session + "/follow-up";

        List<Row> rows = new ArrayList<>(List.of(
                new Row("GET", "/api/v1/statistics" + ofOwnUnit, statisticsReaders, true),
                new Row("GET", "/api/v1/rankings" + ofOwnUnit, FIGURE_READERS, true),
                new Row("GET", "/api/v1/exports/statistics" + ofOwnUnit + "&format=CSV", FIGURE_READERS, true),
                new Row("GET", "/api/v1/exports/items" + ofOwnUnit + "&format=CSV", FIGURE_READERS, true),
                new Row("GET", "/api/v1/reports/annual?year=2025&format=MARKDOWN", REPORT_READERS, false),
                new Row("GET", "/api/v1/reports/charts/CLASSES?year=2025", REPORT_READERS, false),
                new Row("GET", followUp, REPORT_READERS, false),
                new Row("GET", "/api/v1/reports/compilations/" + session, compilationReaders, false),
                new Row("GET", "/api/v1/audit-log?limit=5", EnumSet.of(Actor.OFFICE, Actor.AUDITOR), false),
                new Row("GET", progressOfMemberOne, progressReaders, false),
                new Row("GET", "/api/v1/open-data/submissions", ANYONE, false),
                new Row("GET", "/api/v1/open-data/submissions.csv", ANYONE, false),
                new Row("POST", "/api/v1/projection/rebuilds", OFFICE, false),
                // The kit's dead-letter operations; offset -1 is refused (400), so nothing is replayed.
                new Row("GET", "/api/v1/dead-letters", OFFICE, false),
                new Row("POST", "/api/v1/dead-letters/0/-1/replay", OFFICE, false)));

        Map<Actor, String> tokens = tokens(own, foreign);
        List<String> wrong = new ArrayList<>();
        Long rebuild = null;
        for (Row row : rows) {
            for (Actor actor : Actor.values()) {
                Response response = call(row, tokens.get(actor));
                String verdict = verdict(row, actor, response.statusCode());
                if (verdict != null) {
                    wrong.add(row.method() + " " + row.path() + " as " + actor + ": " + verdict);
                }
                if (row.path().endsWith("/rebuilds") && response.statusCode() == 202) {
                    rebuild = response.jsonPath().getLong("id");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rebuild).as("the office started a rebuild").isNotNull();
        String progress = "/api/v1/projection/rebuilds/" + rebuild;
        // The rebuild swaps the projection when done: wait, so no later test reads during the swap.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .get(progress).then().statusCode(200).body("state", not("RUNNING")));
        Row read = new Row("GET", progress, EnumSet.of(Actor.OFFICE, Actor.AUDITOR), false);
        for (Actor actor : Actor.values()) {
            String verdict = verdict(read, actor, call(read, tokens.get(actor)).statusCode());
            if (verdict != null) {
                wrong.add(read.method() + " " + read.path() + " as " + actor + ": " + verdict);
            }
        }
        rows.add(read);
        assertThat(wrong).isEmpty();
        assertThat(OperationCoverage.ofRunningService().withoutRow(rows.stream()
                .map(r -> r.method() + " " + r.path()).toList())).as("operations without a row").isEmpty();
    }

    /** Member 1 (the matrix's member) and the portal acting for every member, as intake announces them. */
    private static String memberOneAndThePortalKnown() {
        ProgressFixtures.member(1, ProgressFixtures.DELEGATION);
        ProgressFixtures.grant(Tokens.PORTAL_CLIENT, "ACTIVE", List.of(Tokens.ALL_SCOPES), true, List.of(), List.of(),
                List.of(), 0);
        String path = "/api/v1/members/1/progress";
        ProgressFixtures.awaitMember(1);
        ProgressFixtures.awaitKnown(Tokens.platformFor(1), 1);
        return path;
    }

    /** A session the projection knows (an unknown one is 404 to everybody allowed in). */
    private static long sessionWithAnItem() {
        try (EventStream s = new EventStream()) {
            s.registered("SUGGESTION", "OTHER");
            s.flush();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                    .queryParam("sessionId", s.session).get("/api/v1/statistics").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(1)));
            return s.session;
        }
    }

    /** Null when the answer is the one the table expects, else what was wrong. */
    private static String verdict(Row row, Actor actor, int status) {
        boolean foreigner = actor == Actor.FOREIGN_STAFF || actor == Actor.FOREIGN_HEAD;
        if (!row.allowed().contains(actor)) {
            int expected = actor == Actor.ANONYMOUS ? 401 : 403;
            return status == expected ? null : status + ", expected " + expected;
        }
        if (foreigner && row.unitScoped()) {
            return status == 404 ? null : status + ", expected 404";
        }
        return status == 401 || status == 403 || status == 404 || status >= 500 ? status + ", expected past security"
                : null;
    }

    private static Response call(Row row, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.request(row.method(), row.path());
    }

    private static Map<Actor, String> tokens(long own, long foreign) {
        Map<Actor, String> tokens = new LinkedHashMap<>();
        tokens.put(Actor.ANONYMOUS, null);
        tokens.put(Actor.OFFICE, Tokens.office());
        tokens.put(Actor.LEADER, Tokens.leader());
        tokens.put(Actor.AUDITOR, Tokens.auditor());
        tokens.put(Actor.STAFF, Tokens.unitStaff(own));
        tokens.put(Actor.FOREIGN_STAFF, Tokens.unitStaff(foreign));
        tokens.put(Actor.HEAD, Tokens.unitHead(own));
        tokens.put(Actor.FOREIGN_HEAD, Tokens.unitHead(foreign));
        tokens.put(Actor.MEMBER, Tokens.member(1));
        tokens.put(Actor.PLATFORM, Tokens.platformFor(1));
        return tokens;
    }
}
