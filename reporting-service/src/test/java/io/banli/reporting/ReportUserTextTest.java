package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Titles and names are what people typed: markup in them is shown as text in every form of the annual
 * report, loads nothing from elsewhere, and no text (control characters, a 300-letter word, emoji)
 * makes a report fail. (A NUL never arrives: every service refuses it in JSON.)
 */
@QuarkusTest
class ReportUserTextTest {

    static final String INJECTION = "关于停车难的建议\n![跟踪](https://tracker.example/pixel.png)\n"
            + "<img src=\"https://tracker.example/x.png\" onerror=\"alert(1)\">|伪造列|";
    static final String STRANGE = "控制\u0001字符\u0007\u001b[31m 与 😀🚗 表情 " + "W".repeat(300);

    @Test
    void markupInATitleIsPrintedAsTextAndNothingIsLoadedFromElsewhere() throws Exception {
        long session;
        try (EventStream s = new EventStream()) {
            session = s.session;
            Instant at = Instant.parse("2025-02-10T02:00:00Z");
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", INJECTION, "王副市长<b>").sole(31, at);
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", STRANGE, "李副市长\n# 假标题").sole(32, at);
        }
        StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", session), r -> r
                .body("total", equalTo(2)));

        String markdown = report(session, "MARKDOWN").extract().asString();
        assertThat(markdown.lines()).noneMatch(line -> line.startsWith("![跟踪]") || line.startsWith("# 假标题")
                || line.startsWith("<img"));
        assertThat(markdown).doesNotContain("](https://tracker.example");

        String html = report(session, "HTML").extract().asString();
        Matcher images = Pattern.compile("<img[^>]*src=\"([^\"]*)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            assertThat(images.group(1)).startsWith("data:image/png;base64,");
            count++;
        }
        assertThat(count).as("the report's three charts and nothing else").isEqualTo(3);
        assertThat(html).doesNotContain("src=\"https://").doesNotContain("<b>")
                .contains("&lt;img src=&quot;https://tracker.example/x.png&quot; onerror=&quot;alert(1)&quot;&gt;")
                .contains("王副市长&lt;b&gt;")
                .contains("|伪造列|");

        byte[] pdf = report(session, "PDF").contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new PdfReader(pdf).getNumberOfPages()).isGreaterThanOrEqualTo(1);
    }

    private static io.restassured.response.ValidatableResponse report(long session, String format) {
        return given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).queryParam("format", format)
                .get("/api/v1/reports/annual").then().statusCode(200).contentType(startsWith(
                        "PDF".equals(format) ? "application/pdf" : "MARKDOWN".equals(format) ? "text/markdown"
                                : "text/html"));
    }
}
