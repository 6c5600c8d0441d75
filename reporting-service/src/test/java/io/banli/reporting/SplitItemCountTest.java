package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, point 6: a SPLIT item whose two units each reply is one replied item (件) and two replies (件次),
 * and its A and D are two replies' classes, never an item's. The report says which it counts.
 */
@QuarkusTest
class SplitItemCountTest {

    static final long FIRST = 61, SECOND = 62;

    @Test
    void aSplitItemIsCountedOnceWithTwoReplies() {
        try (EventStream s = new EventStream()) {
            Instant t0 = LocalDate.now(StatisticsTest.ZONE).minusDays(40).atTime(10, 0).atZone(StatisticsTest.ZONE)
                    .toInstant();
            s.registered("PROPOSAL", "URBAN_CONSTRUCTION_TRANSPORT").split(t0, FIRST, SECOND)
                    .replied(FIRST, "A", StatisticsTest.days(t0, 20)).replied(SECOND, "D", StatisticsTest.days(t0, 25));
            s.registered("PROPOSAL", "URBAN_CONSTRUCTION_TRANSPORT").sole(FIRST, t0)
                    .replied(FIRST, "B", StatisticsTest.days(t0, 30));
            s.flush();

            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(2)).body("byMode.SPLIT", equalTo(1))
                    .body("itemsAssigned", equalTo(2)).body("itemsReplied", equalTo(2))
                    .body("byState.REPLIED", equalTo(2))
                    // three replies: the split item's two and the sole item's one
                    .body("replies.assigned", equalTo(3)).body("replies.replied", equalTo(3))
                    .body("replies.byClass.count", equalTo(List.of(1, 1, 0, 1)))
                    .body("units.find { it.unitId == 61 }.split", equalTo(1))
                    .body("units.find { it.unitId == 62 }.split", equalTo(1)));

            String report = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            assertThat(report).contains("共承办建议提案2件")
                    .contains("分办2件次")
                    .contains("已答复2件（共答复3件次，分办件每个承办单位的答复各计1件次；以下比率和办理结果均按件次计算）")
                    .contains("（A类）1件次").contains("（B类）1件次").contains("（D类）1件次");
        }
    }
}
