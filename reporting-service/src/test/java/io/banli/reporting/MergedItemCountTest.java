package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, point 1 (并案): an item merged into another after assignment is one item handled for two proposers. It
 * is counted once, under its host (never as "registered and never assigned"), listed as merged, and its proposer's
 * rating of the host's reply counts per rating.
 */
@QuarkusTest
class MergedItemCountTest {

    static final long HOST_UNIT = 81;
    static final long MERGED_UNIT = 82;
    static final long MERGED_PROPOSER = 70;

    @Test
    void aMergedItemIsCountedOnceUnderItsHostAndItsProposerRatesTheHostsReply() {
        try (EventStream s = new EventStream()) {
            Instant t0 = LocalDate.now(StatisticsTest.ZONE).minusDays(60).atTime(10, 0).atZone(StatisticsTest.ZONE)
                    .toInstant();
            EventStream.Item host = s.registered("SUGGESTION", "URBAN_CONSTRUCTION_TRANSPORT").sole(HOST_UNIT, t0);
            // assigned to a unit of its own, then merged into the host
            EventStream.Item merged = s.registered("SUGGESTION", "URBAN_CONSTRUCTION_TRANSPORT").sole(MERGED_UNIT, t0)
                    .mergedInto(host, MERGED_PROPOSER);
            host.replied(HOST_UNIT, "A", StatisticsTest.days(t0, 20)).evaluated(HOST_UNIT, 1, 7, "SATISFIED")
                    .evaluated(HOST_UNIT, 1, MERGED_PROPOSER, "BASICALLY_SATISFIED");
            s.flush();

            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    // one item (件), replied; the merged one listed as 并案, not registered-and-never-assigned
                    .body("total", equalTo(1)).body("mergedItems", equalTo(1))
                    .body("byState.REGISTERED", equalTo(0)).body("byState.REPLIED", equalTo(1))
                    .body("itemsAssigned", equalTo(1)).body("itemsReplied", equalTo(1))
                    .body("byKind.SUGGESTION", equalTo(1)).body("byField[0].count", equalTo(1))
                    // the merged item's unit stopped: its part is no reply owed
                    .body("replies.assigned", equalTo(1)).body("replies.replied", equalTo(1))
                    .body("units.find { it.unitId == " + MERGED_UNIT + " }", nullValue())
                    // per item the host's lead proposer; per rating both proposers
                    .body("replies.evaluated", equalTo(1)).body("replies.ratings.count", equalTo(2))
                    .body("replies.ratings.satisfactionRate", equalTo(100.0f)));

            String report = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            assertThat(report).contains("共承办建议提案1件").contains("另有内容相同的1件并入上述建议提案办理（并案），不重复计件");

            // open data: the merged item names its host and shows the host's unit and reply
            given().queryParam("sessionId", s.session).get("/api/v1/open-data/submissions").then().statusCode(200)
                    .body("find { it.number == " + (merged.id % 1000) + " }.mergedIntoNumber",
                            equalTo((int) (host.id % 1000)))
                    .body("find { it.number == " + (merged.id % 1000) + " }.units", equalTo("单位" + HOST_UNIT))
                    .body("find { it.number == " + (merged.id % 1000) + " }.resultClass", equalTo("A"))
                    .body("find { it.number == " + (host.id % 1000) + " }.mergedIntoNumber", nullValue());
        }
    }
}
