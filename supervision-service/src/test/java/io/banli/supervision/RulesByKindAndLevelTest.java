package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Co-unit opinions under rules that differ by kind and by level. Every item is assigned on Monday
 * 3 March 2025: one month ends on Thursday 3 April, two on Saturday 3 May (Labour Day, so Tuesday
 * 6 May), three on Tuesday 3 June.
 */
@QuarkusTest
class RulesByKindAndLevelTest {

    static final String MONDAY = "2025-03-03T02:00:00Z";
    static final String ONE_MONTH = "2025-04-03T15:59:59.999999Z";
    static final String TWO_MONTHS = "2025-05-06T15:59:59.999999Z";
    static final String THREE_MONTHS = "2025-06-03T15:59:59.999999Z";
    static final String RECOMPUTED = "banli.supervision.deadline-recomputed.v1";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @BeforeEach
    void mondayMorning() {
        clock.travelTo(Instant.parse("2025-03-03T03:00:00Z"));
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void theMostSpecificRuleAppliesAndEachDeadlineRecordsItsLevel() {
        rule("CO_OPINION", null, "TOWNSHIP", 2).statusCode(200).body("level", equalTo("TOWNSHIP"))
                .body("kind", nullValue());
        rule("CO_OPINION", "PROPOSAL", "TOWNSHIP", 3).statusCode(200).body("version", equalTo(1));

        Workflow townshipSuggestion = coUnit("SUGGESTION", "TOWNSHIP", 61);
        Workflow townshipProposal = coUnit("PROPOSAL", "TOWNSHIP", 62);
        Workflow cityProposal = coUnit("PROPOSAL", "CITY", 63);
        // An assignment from before the contract gave levels: the general rule, and no level recorded.
        Workflow unknownLevel = Workflow.newItem();
        unknownLevel.sendOffContract("assigned", "assignmentId", newId(), "unitId", 64, "unitName", "测试单位64",
                "mode", "JOINT", "role", "CO", "kind", "PROPOSAL", "assignedAt", MONDAY);

        townshipSuggestion.awaitDeadline("CO_OPINION", "OPEN").body("[0].dueAt", equalTo(TWO_MONTHS))
                .body("[0].level", equalTo("TOWNSHIP"));
        townshipProposal.awaitDeadline("CO_OPINION", "OPEN").body("[0].dueAt", equalTo(THREE_MONTHS));
        cityProposal.awaitDeadline("CO_OPINION", "OPEN").body("[0].dueAt", equalTo(ONE_MONTH))
                .body("[0].level", equalTo("CITY"));
        unknownLevel.awaitDeadline("CO_OPINION", "OPEN").body("[0].dueAt", equalTo(ONE_MONTH))
                .body("[0].level", nullValue());
        // The sign-for keeps its own general rule at every level.
        townshipProposal.deadlines("SIGN_FOR").body("[0].dueAt", equalTo("2025-03-06T15:59:59.999999Z"));
    }

    @Test
    void aRuleChangeRecomputesExactlyTheOpenDeadlinesItGoverns() {
        Workflow countySuggestion = coUnit("SUGGESTION", "COUNTY", 65);
        Workflow countyProposal = coUnit("PROPOSAL", "COUNTY", 66);
        Workflow cityProposal = coUnit("PROPOSAL", "CITY", 67);
        for (Workflow item : List.of(countySuggestion, countyProposal, cityProposal)) {
            item.awaitDeadline("CO_OPINION", "OPEN").body("[0].dueAt", equalTo(ONE_MONTH));
        }
        // Opened after the others, so the county-wide recomputation (in deadline id order) reaches it last: its
        // event is the marker after which nothing more about the other two can come.
        Workflow lastCountySuggestion = coUnit("SUGGESTION", "COUNTY", 68);
        lastCountySuggestion.awaitDeadline("CO_OPINION", "OPEN");
        try (TopicProbe alerts = TopicProbe.open("banli.supervision.alerts")) {
            rule("CO_OPINION", "PROPOSAL", "COUNTY", 2).statusCode(200);
            JsonPath moved = JsonPath.from(alerts.await(TopicProbe.ofType(RECOMPUTED, key(countyProposal))).value());
            assertThat(moved.getString("stage")).isEqualTo("CO_OPINION");
            assertThat(moved.getString("previousDueAt")).isEqualTo(ONE_MONTH);
            assertThat(moved.getString("dueAt")).isEqualTo(TWO_MONTHS);
            countyProposal.deadlines("CO_OPINION").body("[0].dueAt", equalTo(TWO_MONTHS));

            // A rule for the whole county level: the county suggestion moves, the county proposal keeps the
            // rule made for it, the city is not concerned.
            rule("CO_OPINION", null, "COUNTY", 3).statusCode(200);
            alerts.await(TopicProbe.ofType(RECOMPUTED, key(countySuggestion)));
            countySuggestion.deadlines("CO_OPINION").body("[0].dueAt", equalTo(THREE_MONTHS));
            Predicate<ConsumerRecord<String, String>> runDone = TopicProbe.ofType(RECOMPUTED, key(lastCountySuggestion));
            assertThat(alerts.until(runDone, TopicProbe.ofType(RECOMPUTED, key(countyProposal)))).hasSize(1);
            assertThat(alerts.until(runDone, TopicProbe.ofType(RECOMPUTED, key(cityProposal)))).isEmpty();
        }
        countyProposal.deadlines("CO_OPINION").body("[0].dueAt", equalTo(TWO_MONTHS));
        cityProposal.deadlines("CO_OPINION").body("[0].dueAt", equalTo(ONE_MONTH));
        assertThat(audited("deadline.recomputed", key(countySuggestion))).isEqualTo(1);
        assertThat(audited("deadline.recomputed", key(countyProposal))).isEqualTo(1);
        assertThat(audited("deadline.recomputed", key(cityProposal))).isZero();
        assertThat(audited("deadline-rule.changed", "CO_OPINION/PROPOSAL/COUNTY")).isEqualTo(1);
        given().auth().oauth2(Tokens.unitStaff(65)).get("/api/v1/deadline-rules").then().statusCode(200)
                .body("findAll { it.stage == 'CO_OPINION' && it.level == 'COUNTY' }.kind",
                        containsInAnyOrder(null, "PROPOSAL"));
    }

    @Test
    void badLevelsAreRefusedAndChangeNothing() {
        Map<String, Object> galaxy = body(null, "GALAXY", 2);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(galaxy)
                .put("/api/v1/deadline-rules/EVALUATION").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("level"));
        given().auth().oauth2(Tokens.unitHead(65)).contentType(ContentType.JSON).body(body(null, "COUNTY", 2))
                .put("/api/v1/deadline-rules/EVALUATION").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/deadline-rules").then()
                .body("findAll { it.stage == 'EVALUATION' }", hasSize(1))
                .body("find { it.stage == 'EVALUATION' }.amount", equalTo(1));
    }

    private static Workflow coUnit(String kind, String level, long unitId) {
        Workflow item = Workflow.newItem();
        item.send("assigned", with(unit(newId(), unitId, "CO", kind, level), "assignedAt", MONDAY));
        return item;
    }

    private static ValidatableResponse rule(String stage, String kind, String level, int months) {
        return given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body(kind, level, months))
                .put("/api/v1/deadline-rules/" + stage).then();
    }

    private static Map<String, Object> body(String kind, String level, int months) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", months, "unit", "CALENDAR_MONTHS",
                "warningWorkingDays", List.of(7, 0), "legalSource", "某县建议提案办理办法：会办意见" + months + "个月内送主办单位"));
        if (kind != null) {
            body.put("kind", kind);
        }
        if (level != null) {
            body.put("level", level);
        }
        return body;
    }

    private static String key(Workflow item) {
        return String.valueOf(item.submission);
    }

    private long audited(String action, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_log where action = :action and subject_id = :subject")
                .setParameter("action", action).setParameter("subject", subject).getSingleResult()).longValue());
    }
}
