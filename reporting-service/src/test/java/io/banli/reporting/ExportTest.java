package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The statistics and item lists leave the system as CSV and XLSX with Chinese headers, and on record. */
@QuarkusTest
class ExportTest {

    @Test
    void itemListsAsCsvOneRowPerHandlingUnitAndOnlyAUnitsOwn() {
        try (EventStream s = StatisticsTest.session()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(8)).body("replies.evaluated", equalTo(3))
                    .body("replies.extensionsApproved", equalTo(1))
                    // every reply applied: the items are on different partitions, so counts alone can come early
                    .body("replies.onTimeRate", equalTo(71.43f)));
            String csv = new String(given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/exports/items").then().statusCode(200)
                    .contentType(startsWith("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
            List<String> lines = csv.lines().toList();
            assertThat(lines.get(0)).startsWith("\uFEFF会议,编号,类型,标题,类别,领衔人");
            // ten unit parts: six sole items, the joint item's lead and co-unit, the split item's two units
            assertThat(lines).hasSize(1 + 10);
            assertThat(lines).anyMatch(l -> l.contains(",单位1,主办+会办,会办,"));
            assertThat(lines).anyMatch(l -> l.contains(",B,false,10,基本满意"));

            String own = new String(given().auth().oauth2(Tokens.unitStaff(StatisticsTest.U3)).queryParam("sessionId", s.session)
                    .get("/api/v1/exports/items").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
            assertThat(own.lines().skip(1)).hasSize(3).allMatch(l -> l.contains(",单位3,"));
        }
    }

    @Test
    void statisticsAsXlsxWithChineseHeadersAndTheSameFigures() throws Exception {
        try (EventStream s = StatisticsTest.session()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(8)).body("replies.evaluated", equalTo(3))
                    .body("replies.extensionsApproved", equalTo(1))
                    // every reply applied: the items are on different partitions, so counts alone can come early
                    .body("replies.onTimeRate", equalTo(71.43f)));
            byte[] xlsx = given().auth().oauth2(Tokens.auditor()).queryParam("sessionId", s.session)
                    .queryParam("format", "XLSX").get("/api/v1/exports/statistics").then().statusCode(200)
                    .contentType(startsWith("application/vnd.openxmlformats")).extract().asByteArray();
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows.get(0).getCellText(1)).isEqualTo("指标");
                assertThat(value(rows, "全部", "按期办复率")).isEqualTo("71.43");
                assertThat(value(rows, "全部", "满意率")).isEqualTo("100");
                assertThat(value(rows, "单位2", "按期办复率")).isEqualTo("50");
                assertThat(rows.stream().filter(r -> "单位1".equals(r.getCellText(0)) && "会办件".equals(r.getCellText(1)))
                        .findFirst().orElseThrow().getCellText(2)).isEqualTo("1");
            }
            given().auth().oauth2(Tokens.auditor()).queryParam("action", "export.statistics")
                    .get("/api/v1/audit-log").then().statusCode(200)
                    .body("[0].actor", equalTo("auditor-li")).body("[0].detail", equalTo(
                            "filter: sessionId=" + s.session));
        }
    }

    @Test
    void exportsAreForTheOfficeLeadersAuditorsAndUnitsOnly() {
        given().auth().oauth2(Tokens.member(1)).get("/api/v1/exports/items").then().statusCode(403);
        given().get("/api/v1/exports/statistics").then().statusCode(401);
        given().auth().oauth2(Tokens.office()).queryParam("format", "PDF").get("/api/v1/exports/items")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().auth().oauth2(Tokens.unitStaff(1)).get("/api/v1/audit-log").then().statusCode(403);
    }

    private static String value(List<Row> rows, String scope, String name) {
        Row row = rows.stream().filter(r -> scope.equals(r.getCellText(0)) && name.equals(r.getCellText(1)))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + scope + "/" + name));
        return new java.math.BigDecimal(row.getCellText(3)).stripTrailingZeros().toPlainString();
    }
}
