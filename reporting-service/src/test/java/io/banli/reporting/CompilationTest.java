package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The session's compilation (汇编) through REST: the public items with their public replies, as PDF/A and
 * as a Word document; a confidential item, a confidential reply and personal data never; an unknown
 * session 404; every generation audited.
 */
@QuarkusTest
class CompilationTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String TITLE = "关于增加中小学课后服务供给的建议";
    static final String REPLY = "王建华代表：您提出的建议收悉。经研究，今年新增课后服务点12个。联系电话13812345678。";
    static final String SECRET_REPLY = "涉及尚未公开的规划调整，答复内容不予公开。";

    @Test
    void publicItemsWithTheirPublicRepliesOnly() throws IOException {
        try (EventStream s = new EventStream()) {
            Instant sent = Instant.parse("2025-04-01T02:00:00Z");
            Instant assigned = sent.minusSeconds(86_400 * 60);
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", TITLE, null).sole(5, assigned)
                    .replied(5, "A", sent, 1, "PUBLIC", REPLY);
            EventStream.Item secretItem = s.registered("SUGGESTION", "OTHER", false, true).sole(6, assigned)
                    .replied(6, "A", sent, 1, "PUBLIC", "关于涉密事项的答复。");
            s.registered("SUGGESTION", "OTHER", "关于规划调整的建议", null).sole(7, assigned)
                    // Assignment sends no text with a confidential reply; were one sent, it stays out.
                    .replied(7, "B", sent, 1, "CONFIDENTIAL", SECRET_REPLY);
            s.flush();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .auth().oauth2(Tokens.office()).queryParam("sessionId", s.session).get("/api/v1/statistics")
                    .then().statusCode(200).body("total", equalTo(3)).body("replies.replied", equalTo(3)));
            String path = "/api/v1/reports/compilations/" + s.session;

            byte[] pdf = given().auth().oauth2(Tokens.leader()).accept("application/pdf").get(path).then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            String text = pdfText(pdf);
            assertThat(text).contains("测试会议" + s.session + "建议、批评和意见答复汇编", TITLE, "关于规划调整的建议",
                    "王建华代表：您提出的建议收悉。", "经研究，今年新增课后服务点12个。", "138****5678", "单位5的答复（2025-04-01）",
                    "承办单位：单位7")
                    .doesNotContain("第" + secretItem.id % 1000 + "号", "关于涉密事项", "13812345678")
                    .doesNotContain(SECRET_REPLY.substring(0, 8));
            assertThat(new String(new PdfReader(pdf).getMetadata(), StandardCharsets.UTF_8)).contains("pdfaid:");

            byte[] docx = given().auth().oauth2(Tokens.auditor()).accept(DOCX).get(path).then()
                    .statusCode(200).contentType(DOCX).extract().asByteArray();
            String body = documentXml(docx);
            assertThat(body).contains(TITLE, "关于规划调整的建议", "经研究，今年新增课后服务点12个。", "138****5678")
                    .doesNotContain("关于涉密事项", "13812345678", SECRET_REPLY.substring(0, 8));
            assertThat(body.indexOf(TITLE)).isGreaterThan(0);

            // A platform client with the statistics scope reads it too; the default format is the PDF.
            ProgressFixtures.registered("open-gov-portal", 1, "statistics:read");
            given().auth().oauth2(Tokens.platform("open-gov-portal", null, "statistics:read")).get(path).then()
                    .statusCode(200).contentType("application/pdf");
            given().auth().oauth2(Tokens.office()).accept("application/json").get(path).then().statusCode(406);

            given().auth().oauth2(Tokens.auditor()).queryParam("action", "report.compilation")
                    .get("/api/v1/audit-log").then().statusCode(200)
                    .body("[0].subjectId", equalTo(String.valueOf(s.session)));
        }
    }

    @Test
    void anUnknownSessionIsNotFound() {
        given().auth().oauth2(Tokens.office()).accept("application/pdf").get("/api/v1/reports/compilations/987654321")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        return text.toString().replaceAll("\\s", "");
    }

    private static String documentXml(byte[] docx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml in the Word document");
    }
}
