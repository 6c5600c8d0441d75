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
 * Issue 14, point 5: the unit's timeliness (单位按时报送率: its reply submitted to the office by the deadline)
 * and the item's (按期办复率: the reply sent to the proposer by the deadline) are two figures with two names.
 * Unit 41 submitted in time and the office sent the reply late; unit 42 submitted late.
 */
@QuarkusTest
class TwoOnTimeFiguresTest {

    static final long PUNCTUAL = 41, LATE = 42;

    @Test
    void aUnitOnTimeWhoseReplyTheOfficeSentLateIsOnTimeInTheUnitFiguresAndLateInTheItemFigures() {
        try (EventStream s = new EventStream()) {
            // assigned 200 days ago: due three months later (no supervision deadline event: the legal default)
            Instant t0 = LocalDate.now(StatisticsTest.ZONE).minusDays(200).atTime(10, 0).atZone(StatisticsTest.ZONE)
                    .toInstant();
            // submitted on day 60, returned and submitted again on day 70: the office sent it on day 100
            s.registered("SUGGESTION", "ECONOMY_SCIENCE").sole(PUNCTUAL, t0)
                    .submitted(PUNCTUAL, "A", StatisticsTest.days(t0, 60)).returned(PUNCTUAL, StatisticsTest.days(t0, 61))
                    .submitted(PUNCTUAL, "A", StatisticsTest.days(t0, 70)).replied(PUNCTUAL, "A", StatisticsTest.days(t0, 100));
            s.registered("SUGGESTION", "ECONOMY_SCIENCE").sole(LATE, t0)
                    .submitted(LATE, "A", StatisticsTest.days(t0, 95)).replied(LATE, "A", StatisticsTest.days(t0, 96));
            s.flush();

            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("replies.replied", equalTo(2))
                    // the item's: both replies reached the proposers late
                    .body("replies.onTime", equalTo(0)).body("replies.onTimeRate", equalTo(0.0f))
                    // the unit's: one unit handed its reply to the office in time
                    .body("replies.unitSubmitted", equalTo(2)).body("replies.unitOnTime", equalTo(1))
                    .body("replies.unitOpenPastDue", equalTo(0)).body("replies.unitOnTimeRate", equalTo(50.0f))
                    .body("units.find { it.unitId == 41 }.replies.unitOnTimeRate", equalTo(100.0f))
                    .body("units.find { it.unitId == 41 }.replies.onTimeRate", equalTo(0.0f)));

            // units are ranked by what they answer for; the item's figure stands beside it
            given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session).queryParam("by", "UNIT_ON_TIME_RATE")
                    .get("/api/v1/rankings").then().statusCode(200)
                    .body("units.unitId", equalTo(java.util.List.of(41, 42)))
                    .body("units.unitOnTimeRate", equalTo(java.util.List.of(100.0f, 0.0f)))
                    .body("units.onTimeRate", equalTo(java.util.List.of(0.0f, 0.0f)))
                    .body("units.meetsStandard", equalTo(java.util.List.of(true, false)))
                    .body("rule", equalTo("单位按时报送率（单位在时限内向办公室报送答复）达到85%为达标；百分比保留2位小数，"
                            + "每项单独四舍五入（件数相同的占比相同），构成比例之和可能因取整与100%略有出入"));

            String report = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            assertThat(report)
                    .contains("按期办复率0.00%（逾期未答复的0件次计入分母；以答复发出时间为准）")
                    .contains("单位按时报送率50.00%（承办单位在期限内向办公室报送答复的比例，不计办公室审核时间")
                    .contains("## 五、承办单位按时报送率排名")
                    .contains("| 名次 | 单位 | 单位按时报送率 | 按期办复率 |")
                    .contains("| 1 | 单位41 | 100.00% | 0.00% |")
                    .contains("| 2 | 单位42 | 0.00% | 0.00% |");
        }
    }
}
