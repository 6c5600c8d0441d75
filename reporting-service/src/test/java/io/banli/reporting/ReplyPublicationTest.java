package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * 答复公开: once sent, the text of every public reply is in the open data with its unit and date; a
 * confidential reply's text, a confidential item's and the personal data a unit wrote never are.
 */
@QuarkusTest
class ReplyPublicationTest {

    static final String PUBLIC_TEXT = "王建华代表：您提出的建议收悉。经研究，今年新增课后服务点12个。联系人电话13812345678，"
            + "办公室010-66551234，来访人身份证号110101199003071234。";
    static final String CONFIDENTIAL_TEXT = "涉及尚未公开的规划调整，答复内容不予公开。";
    static final String CONFIDENTIAL_ITEM_TEXT = "关于涉密事项的答复。";
    static final String SPLIT = "find { it.units == '单位5、单位6' }";

    @Test
    void onlyPublicRepliesArePublishedAndWithoutPersonalData() {
        try (EventStream s = new EventStream()) {
            Instant sent = Instant.parse("2025-04-01T02:00:00Z");
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD").split(sent.minusSeconds(86_400 * 60), 5, 6)
                    .replied(5, "A", sent, 1, "PUBLIC", PUBLIC_TEXT)
                    // Assignment sends no text with a confidential reply; reporting would not store one anyway.
                    .replied(6, "B", sent, 1, "CONFIDENTIAL", CONFIDENTIAL_TEXT);
            s.registered("SUGGESTION", "OTHER", false, true).sole(5, sent).replied(5, "A", sent, 1, "PUBLIC",
                    CONFIDENTIAL_ITEM_TEXT);
            s.registered("PROPOSAL", "OTHER").sole(7, sent).replied(7, "C", sent, 1, "CONFIDENTIAL", null);
            s.flush();
            // The office's figures count every reply, published or not: once they do, nothing is still on its way.
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .auth().oauth2(Tokens.office()).queryParam("sessionId", s.session).get("/api/v1/statistics")
                    .then().statusCode(200).body("total", equalTo(3)).body("replies.replied", equalTo(4)));

            given().queryParam("sessionId", s.session).get("/api/v1/open-data/submissions").then()
                    .log().ifValidationFails().statusCode(200)
                    .body("size()", equalTo(2))
                    // one of the split item's replies is confidential: its class and date stay unpublished too
                    .body(SPLIT + ".resultClass", nullValue())
                    .body(SPLIT + ".replies", hasSize(1))
                    .body(SPLIT + ".replies[0].unit", equalTo("单位5"))
                    .body(SPLIT + ".replies[0].repliedOn", equalTo("2025-04-01"))
                    .body(SPLIT + ".replies[0].text", equalTo("王建华代表：您提出的建议收悉。经研究，今年新增课后服务点12个。"
                            + "联系人电话138****5678，办公室010-****1234，来访人身份证号110101********1234。"))
                    .body("find { it.units == '单位7' }.replies", empty());

            String csv = new String(given().queryParam("sessionId", s.session).get("/api/v1/open-data/submissions.csv")
                    .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
            assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",办理结果,答复内容");
            assertThat(csv).contains("单位5（2025-04-01）：王建华代表：您提出的建议收悉。")
                    .doesNotContain(CONFIDENTIAL_TEXT).doesNotContain(CONFIDENTIAL_ITEM_TEXT)
                    .doesNotContain("13812345678").doesNotContain("110101199003071234");
        }
    }

    @Test
    void aCorrectionMarkedConfidentialTakesTheTextOff() {
        try (EventStream s = new EventStream()) {
            Instant sent = Instant.parse("2025-04-01T02:00:00Z");
            EventStream.Item item = s.registered("PROPOSAL", "OTHER").sole(5, sent.minusSeconds(86_400 * 60))
                    .replied(5, "A", sent, 1, "PUBLIC", "第一版答复。");
            s.flush();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> openData(s)
                    .body("[0].replies.text", equalTo(List.of("第一版答复。"))));

            item.replied(5, "A", sent.plusSeconds(86_400), 1, "CONFIDENTIAL", null);
            s.flush();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> openData(s)
                    .body("[0].resultClass", nullValue()).body("[0].replies", empty()));
        }
    }

    private static ValidatableResponse openData(EventStream s) {
        return given().queryParam("sessionId", s.session).get("/api/v1/open-data/submissions").then().statusCode(200)
                .body("size()", equalTo(1));
    }
}
