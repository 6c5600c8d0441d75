package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.reporting.projection.ProjectionWriter;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.StatisticsQuery;
import io.banli.reporting.tables.Target;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The projection rebuilt from the topics equals the live one, and the live one goes on from there. */
@QuarkusTest
class RebuildTest {

    @Inject
    EntityManager em;

    @Inject
    ProjectionWriter writer;

    @Inject
    StatisticsQuery scan;

    @Inject
    ObjectMapper mapper;

    @Test
    void aReplayOfEveryTopicGivesTheLiveFiguresAndLiveEventsContinueAfterwards() {
        try (EventStream s = StatisticsTest.session()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(8)).body("replies.evaluated", equalTo(3))
                    .body("replies.extensionsApproved", equalTo(1)));
            Map<String, Object> before = figures(s.session);
            // A member's progress and the registry's grants are part of the projection: rebuilt the same way.
            long lead = ProgressFixtures.member();
            long session = ProgressFixtures.session();
            long item = ProgressFixtures.registered(session, lead);
            ProgressFixtures.draft(session, lead, "关于增设社区食堂的建议", Map.of(), null);
            ProgressFixtures.publish(ProgressFixtures.WORKFLOW, "banli.assignment.assigned.v1", item,
                    ProgressFixtures.assigned(item, 1, "市民政局"));
            ProgressFixtures.publish(ProgressFixtures.WORKFLOW, "banli.assignment.replied.v1", item,
                    ProgressFixtures.replied(item, 1, 7000 + item, java.util.List.of(lead)));
            String portal = ProgressFixtures.client(java.util.List.of("progress:read"), java.util.List.of(lead),
                    java.util.List.of(), java.util.List.of());
            String asPortal = Tokens.platform(portal, null, "progress:read");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(asPortal)
                    .get("/api/v1/members/" + lead + "/progress").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].stage", equalTo("REPLIED")));
            String progressBefore = ProgressFixtures.progress(Tokens.member(lead), lead).prettify();

            long id = given().auth().oauth2(Tokens.office()).post("/api/v1/projection/rebuilds").then().statusCode(202)
                    .body("state", equalTo("RUNNING")).extract().jsonPath().getLong("id");
            given().auth().oauth2(Tokens.office()).post("/api/v1/projection/rebuilds").then().statusCode(409)
                    .contentType("application/problem+json");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(Tokens.auditor())
                    .get("/api/v1/projection/rebuilds/" + id).then().statusCode(200).body("state", equalTo("DONE")));
            given().auth().oauth2(Tokens.auditor()).get("/api/v1/projection/rebuilds/" + id).then()
                    .body("matchesLive", equalTo(true)).body("total", greaterThan(0))
                    .body("applied", equalTo(given().auth().oauth2(Tokens.auditor())
                            .get("/api/v1/projection/rebuilds/" + id).then().extract().path("total")));
            assertThat(figures(s.session)).isEqualTo(before);
            assertThat(ProgressFixtures.progress(Tokens.member(lead), lead).prettify()).isEqualTo(progressBefore);
            given().auth().oauth2(asPortal).get("/api/v1/members/" + lead + "/progress").then().statusCode(200);

            // the rebuilt inbox is the live one now: a redelivered event still counts once, a new one counts
            s.redeliver(s.history.get(0));
            s.registered("SUGGESTION", "OTHER");
            s.flush();
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(9)));
            given().auth().oauth2(Tokens.auditor()).queryParam("action", "projection.rebuild-started")
                    .get("/api/v1/audit-log").then().statusCode(200).body("[0].actor", equalTo("office-zhang"));
        }
    }

    /**
     * A rebuild sends each batch's statements together, grouped by statement rather than by event (see
     * {@code tables.Recording}): random sessions, events in any order, must come out of the replay row for row as the
     * live consumer wrote them one event at a time, and the served statistics (the rollups the rebuild refilled) must
     * equal the scan of the rebuilt projection.
     */
    @Test
    void aReplayOfRandomSessionsGivesTheLiveRowsAndStatisticsThatEqualTheScan() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>();
        List<Long> sessions = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            try (EventStream s = new EventStream()) {
                List<EventStream.Item> items = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    items.add(RolledUpStatisticsTest.randomItem(s, random, now, items, new ArrayList<>()));
                }
                s.flush();
                items.forEach(item -> ids.add(item.id));
                sessions.add(s.session);
                awaitApplied(s);
            }
        }
        String why = "random sessions of seed " + seed;
        Map<String, List<String>> live = rows(ids);
        List<Map<String, Object>> liveFigures = sessions.stream().map(RebuildTest::figures).toList();

        long id = given().auth().oauth2(Tokens.office()).post("/api/v1/projection/rebuilds").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(Tokens.auditor())
                .get("/api/v1/projection/rebuilds/" + id).then().statusCode(200).body("state", equalTo("DONE")));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/projection/rebuilds/" + id).then()
                .body("matchesLive", equalTo(true));

        assertThat(rows(ids)).as(why).isEqualTo(live);
        for (int n = 0; n < sessions.size(); n++) {
            Map<String, Object> served = figures(sessions.get(n));
            assertThat(served).as(why).isEqualTo(liveFigures.get(n));
            Filter f = new Filter();
            f.sessionId = sessions.get(n);
            String servedJson = given().auth().oauth2(Tokens.office()).queryParam("sessionId", sessions.get(n))
                    .get("/api/v1/statistics").then().statusCode(200).extract().asString();
            assertThat(RolledUpStatisticsTest.withoutMoment(mapper, servedJson))
                    .as(why + ": served after the rebuild against the scan").isEqualTo(scanned(f));
        }
    }

    /**
     * The rebuild is the repair when the served figures no longer follow from the events (a row changed behind the
     * consumer's back): it compares the figures as served, says they differed, and serves the topics' figures again.
     */
    @Test
    void servedFiguresThatDriftedFromTheEventsAreReportedAndRepairedByTheRebuild() {
        try (EventStream s = new EventStream()) {
            List<Long> ids = List.of(s.registered("SUGGESTION", "OTHER").id, s.registered("PROPOSAL", "OTHER").id);
            s.flush();
            awaitApplied(s);
            Map<String, Object> before = figures(s.session);
            Map<String, List<String>> rowsBefore = rows(ids);
            // A projection row changed and the sums changed, each behind the consumer's back.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update item set field = 'CHANGED' "
                    + "where submission_id = :id").setParameter("id", ids.get(0)).executeUpdate());
            assertThat(rows(ids)).isNotEqualTo(rowsBefore);
            int drifted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update stat_item_sum "
                    + "set n = n + 1 where session_id = :s and scope = 'A'").setParameter("s", s.session)
                    .executeUpdate());
            assertThat(drifted).isPositive();
            assertThat(figures(s.session).get("total")).isEqualTo((Integer) before.get("total") + drifted);

            long id = given().auth().oauth2(Tokens.office()).post("/api/v1/projection/rebuilds").then()
                    .statusCode(202).extract().jsonPath().getLong("id");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(Tokens.auditor())
                    .get("/api/v1/projection/rebuilds/" + id).then().statusCode(200).body("state", equalTo("DONE")));
            given().auth().oauth2(Tokens.auditor()).get("/api/v1/projection/rebuilds/" + id).then()
                    .body("matchesLive", equalTo(false))
                    .body("detail", containsString("rebuilt statistics differ from the live ones"));
            assertThat(figures(s.session)).isEqualTo(before);
            assertThat(rows(ids)).isEqualTo(rowsBefore);
        }
    }

    /** Every projection row of the submissions (and of the members they name), as text, table by table. */
    private Map<String, List<String>> rows(List<Long> ids) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : List.of("item", "unit_part", "evaluation", "commitment", "progress_item",
                "progress_co_signer", "progress_handling", "progress_deadline", "progress_reply", "stat_item",
                "stat_part")) {
            rows.put(table, QuarkusTransaction.requiringNew().call(() -> text(em.createNativeQuery("select cast(t as "
                    + "text) from " + table + " t where submission_id in (:ids) order by 1").setParameter("ids", ids)
                    .getResultList())));
        }
        rows.put("progress_member", QuarkusTransaction.requiringNew().call(() -> text(em.createNativeQuery(
                "select cast(t as text) from progress_member t where member_id in (7, 8, 9) order by 1")
                .getResultList())));
        return rows;
    }

    private static List<String> text(List<?> rows) {
        return rows.stream().map(String::valueOf).toList();
    }

    private Map<String, Object> scanned(Filter f) {
        try {
            String json = mapper.writeValueAsString(QuarkusTransaction.requiringNew()
                    .call(() -> scan.compute(f, 2, "", Instant.now())));
            return RolledUpStatisticsTest.withoutMoment(mapper, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    /** Waits until every event of the stream that reporting reads has been applied live. */
    private void awaitApplied(EventStream s) {
        Set<String> handled = writer.handlers(Target.LIVE).keySet();
        List<String> sent = s.history.stream().filter(e -> handled.contains(e.type())).map(EventStream.Sent::id)
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id in (:ids)").setParameter("ids", sent)
                .getSingleResult()).intValue()) == sent.size());
    }

    @Test
    void onlyTheOfficeRebuilds() {
        given().auth().oauth2(Tokens.auditor()).post("/api/v1/projection/rebuilds").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/projection/rebuilds/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The statistics without the moment they were computed. */
    private static Map<String, Object> figures(long session) {
        Map<String, Object> json = new HashMap<>(given().auth().oauth2(Tokens.office())
                .queryParam("sessionId", session).get("/api/v1/statistics").then().statusCode(200).extract()
                .jsonPath().getMap("$"));
        json.remove("asOf");
        return json;
    }
}
