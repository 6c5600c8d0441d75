package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, point 4: the same rule as assignment's workflow. The lead proposer's rating (member 7) is the item's
 * (满意率 per 件次); every signed co-signer's rating, before or after the lead's, counts per rating (人次).
 */
@QuarkusTest
class CoSignerRatingsTest {

    static final long UNIT = 71;

    @Test
    void aCoSignerUnsatisfiedAfterTheLeadCountsPerRatingAndLeavesTheItemSatisfied() {
        try (EventStream s = new EventStream()) {
            Instant t0 = LocalDate.now(StatisticsTest.ZONE).minusDays(60).atTime(10, 0).atZone(StatisticsTest.ZONE)
                    .toInstant();
            // the lead proposer is satisfied; co-signer 8 rates 不满意 afterwards, co-signer 9 基本满意
            s.registered("SUGGESTION", "ECONOMY_SCIENCE").sole(UNIT, t0).replied(UNIT, "A", StatisticsTest.days(t0, 20))
                    .evaluated(UNIT, 1, 7, "SATISFIED").evaluated(UNIT, 1, 8, "UNSATISFIED")
                    .evaluated(UNIT, 1, 9, "BASICALLY_SATISFIED");
            // a co-signer rated before the lead, who was unsatisfied: the item is unsatisfied
            s.registered("SUGGESTION", "ECONOMY_SCIENCE").sole(UNIT, t0).replied(UNIT, "B", StatisticsTest.days(t0, 20))
                    .evaluated(UNIT, 1, 8, "SATISFIED").evaluated(UNIT, 1, 7, "UNSATISFIED");
            s.flush();

            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    // per item: the lead proposer's ratings, one satisfied and one unsatisfied
                    .body("replies.evaluated", equalTo(2)).body("replies.satisfied", equalTo(1))
                    .body("replies.unsatisfied", equalTo(1)).body("replies.satisfactionRate", equalTo(50.0f))
                    // per rating: five ratings, three of them satisfied or basically satisfied
                    .body("replies.ratings.count", equalTo(5)).body("replies.ratings.satisfied", equalTo(2))
                    .body("replies.ratings.basicallySatisfied", equalTo(1))
                    .body("replies.ratings.unsatisfied", equalTo(2))
                    .body("replies.ratings.satisfactionRate", equalTo(60.0f)));

            String report = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            assertThat(report).contains("已评价2件次，满意率（满意和基本满意）50.00%")
                    .contains("（按件次，以领衔人的评价为准）；领衔人和联名人共评价5人次，满意率（按人次）60.00%");
        }
    }
}
