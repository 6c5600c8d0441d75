package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.CMapAwareDocumentFont;
import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.banli.reporting.projection.ProjectionWriter;
import io.banli.reporting.tables.Target;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The annual report prints the projection's figures in the seeds' structure and rounding, with charts. */
@QuarkusTest
class ReportTest {

    @Inject
    EntityManager em;

    @Inject
    ProjectionWriter writer;

    /**
     * Waits until the projection has applied every event of the stream it handles: the figures checked
     * first can be complete while later events (a closing, an alert) are still on their way.
     */
    private void awaitProjected(EventStream s) {
        java.util.Set<String> ids = s.flush().idsOf(writer.handlers(Target.LIVE).keySet());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_event where event_id in (:ids)").setParameter("ids", ids)
                        .getSingleResult()).intValue()) == ids.size());
    }

    @Test
    void theReportOfASeed004SessionPrintsTheSeedsFigures() throws Exception {
        try (EventStream s = SeedSessionTest.seed004()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(436)).body("replies.evaluated", equalTo(250)));
            awaitProjected(s);
            String markdown = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .queryParam("kind", "PROPOSAL").queryParam("decimals", 1).get("/api/v1/reports/annual")
                    .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
            assertThat(markdown)
                    .contains("# 关于测试会议" + s.session + "提案办理工作情况的报告")
                    .contains("共承办提案436件")
                    .contains("经济科技方面149件，占34.2%")
                    .contains("社会民生方面129件，占29.6%")
                    .contains("城建交通方面147件，占33.7%")
                    .contains("其他方面11件，占2.5%")
                    .contains("（A类）230件次，占52.8%").contains("（B类）198件次，占45.4%").contains("（D类）8件次，占1.8%")
                    .contains("办复率100.0%").contains("按期办复率100.0%")
                    .contains("满意率（满意和基本满意）99.6%")
                    .contains("## 三、重点提案办理情况").contains("张副市长")
                    .contains("无逾期");

            String html = given().auth().oauth2(Tokens.leader()).queryParam("sessionId", s.session)
                    .queryParam("decimals", 1).queryParam("format", "HTML").get("/api/v1/reports/annual")
                    .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
            assertThat(html).contains("<h2>二、办理结果</h2>").contains("满意率（满意和基本满意）99.6%");
            // the class chart, opened as an image: the A bar (52.8 %) is drawn longer than the B bar (45.4 %)
            Matcher png = Pattern.compile("alt=\"图2[^\"]*\" src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
            assertThat(png.find()).isTrue();
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
            assertThat(chart.getWidth()).isEqualTo(640);
            assertThat(barLength(chart, 0)).isGreaterThan(barLength(chart, 1)).isGreaterThan(5 * barLength(chart, 3));

            given().auth().oauth2(Tokens.auditor()).queryParam("action", "report.annual").get("/api/v1/audit-log")
                    .then().statusCode(200).body("[0].subjectId", containsString("sessionId=" + s.session));
        }
    }

    @Test
    void theReportAsPdfCarriesTheChartsAndTheSeedsFigures() throws Exception {
        try (EventStream s = SeedSessionTest.seed004()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(436)).body("replies.evaluated", equalTo(250)));
            awaitProjected(s);
            byte[] pdf = given().auth().oauth2(Tokens.auditor()).queryParam("sessionId", s.session)
                    .queryParam("kind", "PROPOSAL").queryParam("decimals", 1).queryParam("format", "PDF")
                    .get("/api/v1/reports/annual").then().statusCode(200).contentType("application/pdf")
                    .extract().asByteArray();
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

            PdfReader reader = new PdfReader(pdf);
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            // the three charts, each the report's 640-pixel-wide PNG, embedded as image XObjects
            List<Integer> widths = new ArrayList<>();
            StringBuilder shown = new StringBuilder();
            StringBuilder extracted = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
                if (xobjects != null) {
                    for (PdfName name : xobjects.getKeys()) {
                        PdfDictionary xobject = (PdfDictionary) PdfReader.getPdfObject(xobjects.get(name));
                        if (PdfName.IMAGE.equals(xobject.getAsName(PdfName.SUBTYPE))) {
                            widths.add(xobject.getAsNumber(PdfName.WIDTH).intValue());
                        }
                    }
                }
                // the page number is drawn last on each page: left out, so a sentence may run on across pages
                shown.append(shows(reader.getPageContent(page), resources.getAsDict(PdfName.FONT))
                        .replaceFirst("- \\d+ -$", ""));
                extracted.append(extractor.getTextFromPage(page));
            }
            assertThat(widths).containsExactly(640, 640, 640);

            // the text decoded from the page content, in the order it is shown
            assertThat(shown.toString())
                    .contains("关于测试会议" + s.session + "提案办理工作情况的报告")
                    .contains("一、基本情况").contains("共承办提案436件")
                    .contains("经济科技方面149件，占34.2%")
                    .contains("社会民生方面129件，占29.6%")
                    .contains("城建交通方面147件，占33.7%")
                    .contains("其他方面11件，占2.5%")
                    .contains("（A类）230件次，占52.8%").contains("（B类）198件次，占45.4%").contains("（D类）8件次，占1.8%")
                    .contains("办复率100.0%").contains("按期办复率100.0%")
                    .contains("满意率（满意和基本满意）99.6%")
                    .contains("图1 类别构成").contains("图2 办理结果构成").contains("图3 单位按时报送率排名")
                    .contains("三、重点提案办理情况").contains("张副市长")
                    .contains("无逾期");
            // and extracted as any reader would
            assertThat(extracted.toString()).contains("436").contains("149").contains("34.2%").contains("129")
                    .contains("29.6%").contains("147").contains("33.7%").contains("52.8%").contains("45.4%")
                    .contains("99.6%");

            // generated like the other formats: audited
            given().auth().oauth2(Tokens.auditor()).queryParam("action", "report.annual").get("/api/v1/audit-log")
                    .then().statusCode(200).body("[0].subjectId", containsString("sessionId=" + s.session))
                    .body("[0].subjectId", containsString("kind=PROPOSAL"));
        }
    }

    @Test
    void aChartIsAPngOfItsOwn() throws Exception {
        try (EventStream s = StatisticsTest.session()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(8)).body("replies.replied", equalTo(6)));
            byte[] bytes = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/charts/RANKING").then().statusCode(200).contentType("image/png")
                    .extract().asByteArray();
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(bytes));
            // three units ranked: 100 %, 66.67 %, 50 % — each bar shorter than the one before
            assertThat(barLength(chart, 0)).isGreaterThan(barLength(chart, 1));
            assertThat(barLength(chart, 1)).isGreaterThan(barLength(chart, 2));
            String markdown = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            assertThat(markdown).contains("按期办复率71.43%（逾期未答复的1件次计入分母；以答复发出时间为准）")
                    .contains("单位2逾期1件次、累计110天；单位1逾期1件次、累计10天")
                    .contains("| 1 | 单位3 | 100.00% |");
        }
    }

    @Test
    void aReportNeedsASessionOrAYearAndTheRightRole() {
        given().auth().oauth2(Tokens.office()).get("/api/v1/reports/annual").then().statusCode(400)
                .body("violations[0].field", equalTo("sessionId"));
        given().auth().oauth2(Tokens.unitHead(1)).queryParam("year", 2025).get("/api/v1/reports/annual")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.office()).queryParam("year", 2025).get("/api/v1/reports/charts/PIE")
                .then().statusCode(400).body("violations[0].field", equalTo("chart"));
    }

    /** Pixels of bar {@code row} from the axis, by its colour (the chart's palette, one colour per bar). */
    static int barLength(BufferedImage chart, int row) {
        int y = 20 + row * 34 + 12;
        int x = 151;
        int colour = chart.getRGB(x, y);
        int n = 0;
        while (x + n < chart.getWidth() && chart.getRGB(x + n, y) == colour && colour != 0xFFFFFFFF) {
            n++;
        }
        return n;
    }

    /**
     * The text a page shows, in order, each string decoded through its font's ToUnicode map (the
     * embedded font's strings are glyph ids).
     */
    static String shows(byte[] content, PdfDictionary fonts) throws IOException {
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
        StringBuilder text = new StringBuilder();
        ArrayList<PdfObject> operands = new ArrayList<>();
        CMapAwareDocumentFont current = null;
        while (!parser.parse(operands).isEmpty()) {
            PdfObject operator = operands.get(operands.size() - 1);
            if (operator instanceof PdfLiteral && "Tf".equals(operator.toString()) && operands.size() == 3
                    && operands.get(0) instanceof PdfName font && operands.get(1) instanceof PdfNumber) {
                current = new CMapAwareDocumentFont((PRIndirectReference) fonts.get(font));
            }
            for (PdfObject operand : operands) {
                collect(operand, current, text);
            }
        }
        return text.toString();
    }

    private static void collect(PdfObject operand, CMapAwareDocumentFont font, StringBuilder text) {
        if (operand instanceof PdfString string) {
            byte[] bytes = string.getOriginalBytes();
            text.append(font.decode(bytes, 0, bytes.length));
        } else if (operand instanceof PdfArray array) {
            array.getElements().forEach(element -> collect(element, font, text));
        }
    }
}
