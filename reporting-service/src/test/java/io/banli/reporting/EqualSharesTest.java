package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, point 9: a reader who sees two fields with the same number of items must see the same share.
 * Largest remainder gave one of three equal fields an extra hundredth; each share is now rounded on its own
 * and the report says so.
 */
@QuarkusTest
class EqualSharesTest {

    @Test
    void threeFieldsOfTwoItemsEachPrintTheSameShareAndTheReportStatesTheRule() {
        try (EventStream s = new EventStream()) {
            for (String field : List.of("ECONOMY_SCIENCE", "ECONOMY_SCIENCE", "SOCIAL_LIVELIHOOD", "SOCIAL_LIVELIHOOD",
                    "SOCIAL_LIVELIHOOD", "URBAN_CONSTRUCTION_TRANSPORT", "URBAN_CONSTRUCTION_TRANSPORT", "OTHER",
                    "OTHER")) {
                s.registered("SUGGESTION", field);
            }
            s.flush();
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(9))
                    .body("byField.find { it.code == 'ECONOMY_SCIENCE' }.share", equalTo(22.22f))
                    .body("byField.find { it.code == 'SOCIAL_LIVELIHOOD' }.share", equalTo(33.33f))
                    .body("byField.find { it.code == 'URBAN_CONSTRUCTION_TRANSPORT' }.share", equalTo(22.22f))
                    .body("byField.find { it.code == 'OTHER' }.share", equalTo(22.22f))
                    .body("roundingRule", equalTo("百分比保留2位小数，每项单独四舍五入（件数相同的占比相同），"
                            + "构成比例之和可能因取整与100%略有出入")));

            String report = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            // 99.99 % in all: within rounding, so the consistency check prints it
            assertThat(report).contains("经济科技方面2件，占22.22%").contains("城建交通方面2件，占22.22%")
                    .contains("其他方面2件，占22.22%").contains("社会民生方面3件，占33.33%")
                    .contains("每项单独四舍五入（件数相同的占比相同）");
        }
    }
}
