package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every rate of domain.md's "Statistics", checked against its definition on a session built event by
 * event, with the edge cases offices get wrong by hand.
 */
@QuarkusTest
class StatisticsTest {

    static final long U1 = 1, U2 = 2, U3 = 3;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Eight submissions: (a) replied on time after a phone call, satisfied; (b) replied 10 days late
     * after a visit, basically satisfied; (c) open 110 days past its deadline; (d) open, not yet due;
     * (e) JOINT, unsatisfied, re-handled and then satisfied; (f) SPLIT between two units, each replying;
     * (g) returned once by the office, then replied; (h) open with an approved extension.
     */
    static EventStream session() {
        EventStream s = new EventStream();
        // 10:00 in the deployment's zone, 200 days ago: overdue days are counted in calendar days there
        Instant t0 = LocalDate.now(ZONE).minusDays(200).atTime(10, 0).atZone(ZONE).toInstant();
        s.registered("SUGGESTION", "ECONOMY_SCIENCE").sole(U1, t0).contact(U1, "BEFORE", "PHONE", false)
                .replied(U1, "A", days(t0, 30)).evaluated(U1, 1, 7, "SATISFIED");
        s.registered("SUGGESTION", "ECONOMY_SCIENCE").sole(U1, t0).overdue(U1, days(t0, 90))
                .contact(U1, "AFTER", "VISIT", true).replied(U1, "B", days(t0, 100))
                .evaluated(U1, 1, 7, "BASICALLY_SATISFIED");
        s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD").sole(U2, t0).overdue(U2, days(t0, 90));
        s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD").sole(U2, Instant.now().minus(1, ChronoUnit.DAYS));
        s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", true, false).joint(t0, U2, U1)
                .contact(U2, "DURING", "MEETING", true).replied(U2, "C", days(t0, 20))
                .evaluated(U2, 1, 7, "UNSATISFIED").rehandling(U2, days(t0, 25))
                .replied(U2, "B", days(t0, 40), 2, "PUBLIC").evaluated(U2, 2, 7, "SATISFIED");
        s.registered("PROPOSAL", "URBAN_CONSTRUCTION_TRANSPORT").split(t0, U1, U3)
                .replied(U1, "A", days(t0, 10)).replied(U3, "D", days(t0, 10));
        s.registered("PROPOSAL", "URBAN_CONSTRUCTION_TRANSPORT").sole(U3, t0).submitted(U3, "A", days(t0, 45))
                .returned(U3, days(t0, 46)).submitted(U3, "A", days(t0, 48)).replied(U3, "A", days(t0, 50));
        s.registered("PROPOSAL", "OTHER").sole(U3, t0).holdingAnswer(U3)
                .extension(U3, LocalDate.now().plusDays(30), true);
        return s.flush();
    }

    @Test
    void everyRateFollowsItsDefinition() {
        try (EventStream s = session()) {
            awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(8))
                    .body("byKind.SUGGESTION", equalTo(5)).body("byKind.PROPOSAL", equalTo(3))
                    .body("byMode.SOLE", equalTo(6)).body("byMode.JOINT", equalTo(1)).body("byMode.SPLIT", equalTo(1))
                    .body("keyItems", equalTo(1))
                    .body("unitsPerItem.'1'", equalTo(6)).body("unitsPerItem.'2'", equalTo(2))
                    .body("maxUnitsPerItem", equalTo(2))
                    .body("byField.find { it.code == 'SOCIAL_LIVELIHOOD' }.count", equalTo(3))
                    .body("byField.find { it.code == 'SOCIAL_LIVELIHOOD' }.share", equalTo(37.5f))
                    .body("byField.find { it.code == 'OTHER' }.share", equalTo(12.5f))
                    .body("byState.REPLIED", equalTo(5)).body("byState.OVERDUE", equalTo(1))
                    .body("byState.ASSIGNED", equalTo(2))
                    // nine replying parts: the SPLIT item counts once per unit
                    .body("replies.assigned", equalTo(9)).body("replies.replied", equalTo(6))
                    .body("replies.replyRate", equalTo(66.67f))
                    // on time: a, e, f×2, g; late: b; open past due: c (counts against); d and h are not due
                    .body("replies.onTime", equalTo(5)).body("replies.openPastDue", equalTo(1))
                    .body("replies.onTimeRate", equalTo(71.43f))
                    // classes of the six replies (e's second round replaced C by B), each share rounded on its own
                    .body("replies.byClass.count", equalTo(java.util.List.of(3, 2, 0, 1)))
                    .body("replies.byClass.share", equalTo(java.util.List.of(50.0f, 33.33f, 0.0f, 16.67f)))
                    // contacted before the reply: a (before) and e (during); after the reply (b) does not count
                    .body("replies.contacted", equalTo(2)).body("replies.contactRate", equalTo(33.33f))
                    .body("replies.met", equalTo(2)).body("replies.meetingRate", equalTo(33.33f))
                    // rated: a satisfied, b basically, e satisfied in its second round
                    .body("replies.evaluated", equalTo(3)).body("replies.satisfied", equalTo(2))
                    .body("replies.basicallySatisfied", equalTo(1)).body("replies.unsatisfied", equalTo(0))
                    .body("replies.satisfactionRate", equalTo(100.0f))
                    .body("replies.satisfiedOnlyRate", equalTo(66.67f))
                    .body("replies.rehandled", equalTo(1)).body("replies.returned", equalTo(1))
                    .body("replies.holdingAnswers", equalTo(1))
                    .body("replies.extensionsRequested", equalTo(1)).body("replies.extensionsApproved", equalTo(1))
                    .body("replies.overdue.parts", equalTo(2)).body("replies.overdue.open", equalTo(1))
                    .body("replies.overdue.repliedLate", equalTo(1)).body("replies.overdue.days", equalTo(120))
                    .body("replies.overdue.maxDays", equalTo(110))
                    // per unit: unit 1 leads two, co-handles one (both roles in one session), splits one
                    .body("units.find { it.unitId == 1 }.lead", equalTo(2))
                    .body("units.find { it.unitId == 1 }.co", equalTo(1))
                    .body("units.find { it.unitId == 1 }.split", equalTo(1))
                    .body("units.find { it.unitId == 1 }.replies.onTimeRate", equalTo(66.67f))
                    .body("units.find { it.unitId == 2 }.replies.onTimeRate", equalTo(50.0f))
                    .body("units.find { it.unitId == 3 }.replies.onTimeRate", equalTo(100.0f))
                    .body("units.find { it.unitId == 3 }.replies.satisfactionRate", nullValue()));
        }
    }

    @Test
    void filtersSelectSubmissionsAndAUnitsOwnReplies() {
        try (EventStream s = session()) {
            awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r.body("total", equalTo(8))
                    .body("replies.evaluated", equalTo(3)));
            statistics(Tokens.office(), Map.of("sessionId", s.session, "unitId", U1))
                    .body("total", equalTo(4)).body("replies.assigned", equalTo(3))
                    .body("replies.onTimeRate", equalTo(66.67f)).body("units.size()", equalTo(1));
            // a co-unit writes no reply of its own: no reply rate rather than 0 % or 100 %
            statistics(Tokens.office(), Map.of("sessionId", s.session, "role", "CO"))
                    .body("total", equalTo(1)).body("replies.assigned", equalTo(0))
                    .body("replies.replyRate", nullValue()).body("replies.onTimeRate", nullValue());
            statistics(Tokens.leader(), Map.of("sessionId", s.session, "keyItem", "true", "kind", "SUGGESTION"))
                    .body("total", equalTo(1)).body("replies.rehandled", equalTo(1));
            statistics(Tokens.auditor(), Map.of("sessionId", s.session, "field", "URBAN_CONSTRUCTION_TRANSPORT"))
                    .body("total", equalTo(2)).body("replies.assigned", equalTo(3));
            statistics(Tokens.office(), Map.of("sessionId", s.session, "from", "2025-02-01"))
                    .body("total", equalTo(0));
            statistics(Tokens.office(), Map.of("sessionId", s.session, "year", 2025, "level", "CITY",
                    "to", "2025-01-20")).body("total", equalTo(8));
            // a unit's token sees its own unit whatever it asks, and another unit's figures not at all
            statistics(Tokens.unitStaff(U2), Map.of("sessionId", s.session))
                    .body("total", equalTo(3)).body("replies.openPastDue", equalTo(1));
            given().auth().oauth2(Tokens.unitHead(U2)).queryParam("sessionId", s.session).queryParam("unitId", U1)
                    .get("/api/v1/statistics").then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void unitsAreRankedWithTheStandardMarked() {
        try (EventStream s = session()) {
            awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r.body("total", equalTo(8))
                    .body("replies.evaluated", equalTo(3)).body("replies.extensionsApproved", equalTo(1)));
            given().auth().oauth2(Tokens.unitStaff(U1)).queryParam("sessionId", s.session).get("/api/v1/rankings")
                    .then().statusCode(200)
                    .body("standard", equalTo(85))
                    .body("units.unitId", equalTo(java.util.List.of(3, 1, 2)))
                    .body("units.rank", equalTo(java.util.List.of(1, 2, 3)))
                    .body("units.meetsStandard", equalTo(java.util.List.of(true, false, false)));
            given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session).queryParam("by", "OVERDUE_DAYS")
                    .queryParam("standard", "60").get("/api/v1/rankings").then().statusCode(200)
                    .body("units.unitId", equalTo(java.util.List.of(3, 1, 2)))
                    .body("units.value", equalTo(java.util.List.of(0, 10, 110)))
                    .body("units.meetsStandard", equalTo(java.util.List.of(true, true, false)));
            given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .queryParam("by", "SATISFACTION_RATE").get("/api/v1/rankings").then().statusCode(200)
                    .body("units.unitId", equalTo(java.util.List.of(1, 2, 3)))
                    .body("units.rank", equalTo(java.util.List.of(1, 1, 3)));
        }
    }

    @Test
    void eventsOfOneSubmissionMayArriveInAnyOrder() {
        try (EventStream s = new EventStream()) {
            Instant t0 = Instant.now().minus(10, ChronoUnit.DAYS);
            EventStream.Item item = s.unregistered("PROPOSAL");
            item.evaluated(U1, 1, 7, "SATISFIED").replied(U1, "A", days(t0, 5)).overdue(U1, days(t0, 90))
                    .sole(U1, t0).contact(U1, "BEFORE", "VISIT", true);
            s.flush();
            item.register("OTHER", false, false);
            s.flush();
            awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r.body("total", equalTo(1))
                    .body("replies.replied", equalTo(1)).body("replies.onTimeRate", equalTo(100.0f))
                    .body("replies.contactRate", equalTo(100.0f)).body("replies.satisfactionRate", equalTo(100.0f))
                    .body("byMode.SOLE", equalTo(1)).body("byState.REPLIED", equalTo(1)));
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        try (EventStream s = new EventStream()) {
            Instant t0 = Instant.now().minus(10, ChronoUnit.DAYS);
            s.registered("SUGGESTION", "OTHER").sole(U1, t0).returned(U1, days(t0, 2));
            EventStream.Sent returned = s.history.get(s.history.size() - 1);
            EventStream.Sent registered = s.history.get(0);
            s.redeliver(returned);
            s.redeliver(returned);
            s.redeliver(registered);
            s.registered("SUGGESTION", "OTHER");
            s.flush();
            awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r.body("total", equalTo(2))
                    .body("replies.returned", equalTo(1)));
        }
    }

    @Test
    void withdrawnAndUnregisteredItemsAreNotCounted() {
        try (EventStream s = new EventStream()) {
            s.registered("SUGGESTION", "OTHER").withdrawn();
            s.unregistered("SUGGESTION").sole(U1, Instant.now());
            s.registered("SUGGESTION", "OTHER");
            s.flush();
            awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r.body("total", equalTo(1)));
        }
    }

    @Test
    void onlyTheOfficeLeadersAuditorsAndUnitsReadStatistics() {
        given().get("/api/v1/statistics").then().statusCode(401);
        given().auth().oauth2(Tokens.member(1)).get("/api/v1/statistics").then().statusCode(403);
        given().auth().oauth2(Tokens.platform()).get("/api/v1/rankings").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/statistics").then().statusCode(200);
    }

    @Test
    void badFiltersAreRefusedWithTheirName() {
        Map<String, String> bad = Map.of("kind", "PETITION", "sessionId", "third", "field", "经济", "keyItem", "yes",
                "from", "2025-13-01", "decimals", "7", "role", "HELPER");
        bad.forEach((name, value) -> given().auth().oauth2(Tokens.office()).queryParam(name, value)
                .get("/api/v1/statistics").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(name)));
        given().auth().oauth2(Tokens.office()).queryParam("standard", "120").get("/api/v1/rankings")
                .then().statusCode(400).body("violations[0].field", equalTo("standard"));
    }

    static Instant days(Instant t, int days) {
        return t.plus(days, ChronoUnit.DAYS);
    }

    static ValidatableResponse statistics(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/statistics").then().statusCode(200);
    }

    static void awaitStatistics(String token, Map<String, ?> query, Consumer<ValidatableResponse> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> expected.accept(statistics(token, query)));
    }
}
