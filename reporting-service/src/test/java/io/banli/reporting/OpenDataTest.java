package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The public sees registered items and published replies, without a token and without what is confidential. */
@QuarkusTest
class OpenDataTest {

    @Test
    void thePublicSeesPublishedItemsAndRepliesOnly() {
        try (EventStream s = new EventStream()) {
            Instant t0 = Instant.now().minus(30, ChronoUnit.DAYS);
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD").joint(t0, 5, 6).replied(5, "A", t0.plus(9, ChronoUnit.DAYS));
            s.registered("SUGGESTION", "OTHER", false, true).sole(5, t0).replied(5, "B", t0);
            s.registered("PROPOSAL", "OTHER").sole(6, t0).replied(6, "C", t0, 1, "CONFIDENTIAL");
            s.registered("PROPOSAL", "OTHER").withdrawn();
            s.flush();
            // Each item's events land in their own time: wait until every row is complete, then assert.
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .queryParam("sessionId", s.session).get("/api/v1/open-data/submissions").then().statusCode(200)
                    .body("size()", equalTo(2)).body("[1].units", equalTo("单位6"))
                    .body("[0].proposer", equalTo("王建华")).body("[0].delegation", equalTo("东城区代表团"))
                    .body("[0].units", equalTo("单位5")) // the lead unit replies; the co-unit is internal
                    .body("[0].resultClass", equalTo("A")).body("[0].field", equalTo("社会民生"))
                    // a reply marked confidential shows neither its class nor its date
                    .body("[1].resultClass", nullValue()).body("[1].repliedOn", nullValue()));
            String csv = new String(given().queryParam("sessionId", s.session).get("/api/v1/open-data/submissions.csv")
                    .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
            List<String> lines = csv.lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("\uFEFF会议,年度,编号,类型,标题,类别,领衔人,代表团/界别,立案日期,承办单位,答复日期,办理结果,答复内容");
            assertThat(csv).doesNotContain("memberId").doesNotContain(",B\r\n");
        }
    }

    @Test
    void badPagesAreRefused() {
        given().queryParam("size", 0).get("/api/v1/open-data/submissions").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().queryParam("kind", "LETTER").get("/api/v1/open-data/submissions").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
    }
}
