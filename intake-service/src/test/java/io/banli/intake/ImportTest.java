package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Batch import from the standing committee: every row checked, a report, nothing half-imported, re-run safe. */
@QuarkusTest
class ImportTest {

    @Test
    void aCsvFileIsImportedWithAReportOfRejectedRowsAndASecondImportChangesNothing() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long coSigner = member("DEPUTY");
        long cppcc = member("CPPCC_MEMBER");
        String csv = "\uFEFFexternalRef,kind,title,body,field,leadProposerId,coSignerIds,keyItem,leadingOfficial\r\n"
                + "R-1,SUGGESTION,关于加快老旧小区加装电梯的建议,\"建议简化审批流程，\"\"一站式\"\"办理。\",URBAN_CONSTRUCTION_TRANSPORT,"
                + lead + "," + coSigner + ",true,李副市长\r\n"
                + "R-2,SUGGESTION,关于课后服务的建议,建议扩大覆盖面。,NO_SUCH_FIELD," + lead + ",,,\r\n"
                + "R-3,SUGGESTION,关于公交线网的建议,建议加密站点。,OTHER," + cppcc + ",,,\r\n"
                + "R-4,SUGGESTION,关于停车难的建议,建议建设立体停车库。,OTHER," + lead + "," + cppcc + ",,\r\n"
                + "R-1,SUGGESTION,重复的参考号,内容。,OTHER," + lead + ",,,\r\n"
                + "R-5,SUGGESTION,关于垃圾分类的建议,,OTHER," + lead + ",,true,\r\n"
                + "R-6,SUGGESTION,关于路灯的建议,建议更换节能路灯。,OTHER," + lead + ",,,\r\n";
        try (TopicProbe topic = TopicProbe.open("banli.intake.submissions")) {
            JsonPath report = importFile(session, "text/csv", csv);
            assertThat(report.getInt("total")).isEqualTo(7);
            assertThat(report.getInt("accepted")).isEqualTo(2);
            assertThat(report.getInt("rejected")).isEqualTo(5);
            assertThat(report.getList("rejections.row", Integer.class)).containsExactly(2, 3, 4, 5, 6);
            assertThat(report.getString("rejections[0].reason")).contains("field");
            assertThat(report.getString("rejections[1].reason")).contains("leadProposerId");
            assertThat(report.getString("rejections[2].reason")).contains("coSignerIds");
            assertThat(report.getString("rejections[3].reason")).contains("occurs twice");
            assertThat(report.getString("rejections[4].reason")).contains("body").contains("leadingOfficial");

            JsonPath items = given().auth().oauth2(Tokens.office()).queryParam("sessionId", session)
                    .get("/api/v1/submissions").then().statusCode(200).extract().jsonPath();
            assertThat(items.getInt("total")).as("rejected rows left nothing behind").isEqualTo(2);
            assertThat(items.getList("items.state")).containsOnly("RECEIVED");
            assertThat(items.getString("items[0].body")).isEqualTo("建议简化审批流程，\"一站式\"办理。");
            assertThat(items.getBoolean("items[0].keyItem")).isTrue();
            assertThat(items.getInt("items[0].coSigners[0].memberId")).isEqualTo((int) coSigner);
            long first = items.getLong("items[0].id");
            JsonPath filed = JsonPath.from(topic.await(
                    TopicProbe.ofType("banli.intake.submission.filed.v1", String.valueOf(first))).value());
            assertThat(filed.getList("coSignerIds", Integer.class)).containsExactly((int) coSigner);
        }

        JsonPath again = importFile(session, "text/csv", csv);
        assertThat(again.getInt("accepted")).isZero();
        assertThat(again.getInt("skipped")).isEqualTo(2);
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/submissions")
                .then().body("total", equalTo(2));
    }

    @Test
    void aJsonFileIsImportedAndBadFilesAreRefusedAtOnce() {
        long session = session("CPPCC");
        long lead = member("CPPCC_MEMBER");
        String json = "[{\"externalRef\": \"P-1\", \"kind\": \"PROPOSAL\", \"title\": \"关于支持中小企业数字化转型的提案\","
                + " \"body\": \"建议设立专项资金。\", \"field\": \"ECONOMY_SCIENCE\", \"leadProposerId\": " + lead + ","
                + " \"groupName\": \"民建市委会\", \"confidential\": true, \"confidentiality\": \"COMMERCIAL\"},"
                + " {\"externalRef\": \"P-2\", \"kind\": \"SUGGESTION\", \"title\": \"错会议的建议\", \"body\": \"内容\","
                + " \"field\": \"OTHER\", \"leadProposerId\": " + lead + "}]";
        JsonPath report = importFile(session, "application/json", json);
        assertThat(report.getInt("accepted")).isEqualTo(1);
        assertThat(report.getString("rejections[0].reason")).contains("kind");
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/submissions")
                .then().body("items[0].groupName", equalTo("民建市委会")).body("items[0].confidential", equalTo(true));

        given().auth().oauth2(Tokens.office()).contentType("application/json").body("{\"not\": \"an array\"}")
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.office()).contentType("text/csv").body("no,header\n1,2\n")
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).contentType("application/json").body("[]")
                .post("/api/v1/imports").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).contentType("application/json").body("[]")
                .queryParam("sessionId", 987_654).post("/api/v1/imports").then().statusCode(422);
        given().auth().oauth2(Tokens.office()).contentType("application/xml").body("<rows/>")
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(415);
        given().auth().oauth2(Tokens.member(lead)).contentType("application/json").body("[]")
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/imports/987654").then().statusCode(404);
    }

    @Test
    void anXlsxWorkbookIsImportedWithNumbersAndBooleansTypedAsCells() throws Exception {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "banli-test", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("建议");
            String[] header = {"externalRef", "kind", "title", "body", "field", "leadProposerId", "keyItem",
                    "leadingOfficial"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Object[][] rows = {{"X-1", "SUGGESTION", "关于建设口袋公园的建议", "建议利用边角地建设口袋公园。", "URBAN_CONSTRUCTION_TRANSPORT",
                    lead, true, "张副区长"}, {"X-2", "SUGGESTION", "", "标题为空", "OTHER", lead, false, null}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v instanceof Boolean b) {
                        sheet.value(r + 1, c, b);
                    } else if (v != null) {
                        sheet.value(r + 1, c, (String) v);
                    }
                }
            }
        }
        String location = given().auth().oauth2(Tokens.office())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(out.toByteArray())
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        String path = java.net.URI.create(location).getPath();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(Tokens.office()).get(path).then().extract().path("state")));
        JsonPath report = given().auth().oauth2(Tokens.office()).get(path).then().extract().jsonPath();
        assertThat(report.getInt("accepted")).isEqualTo(1);
        assertThat(report.getList("rejections.row", Integer.class)).containsExactly(2);
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).get("/api/v1/submissions").then()
                .body("items[0].keyItem", equalTo(true)).body("items[0].leadingOfficial", equalTo("张副区长"))
                .body("items[0].leadProposerId", equalTo((int) lead));
        given().auth().oauth2(Tokens.office())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body("not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(400);
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAloneAndLeavesNothingBehind() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long coSigner = member("DEPUTY");
        // A NUL character passes the row checks but no PostgreSQL text column takes it: the chunk fails and its
        // rows are stored one by one.
        String json = "[" + row("D-1", "关于第一件事的建议", lead, coSigner) + "," + row("D-2", "坏\\u0000标题", lead, coSigner)
                + "," + row("D-3", "关于第三件事的建议", lead, coSigner) + "]";
        JsonPath report = importFile(session, "application/json", json);
        assertThat(report.getInt("accepted")).isEqualTo(2);
        assertThat(report.getList("rejections.row", Integer.class)).containsExactly(2);
        assertThat(report.getString("rejections[0].reason")).startsWith("could not be stored");
        JsonPath items = given().auth().oauth2(Tokens.office()).queryParam("sessionId", session)
                .get("/api/v1/submissions").then().extract().jsonPath();
        assertThat(items.getList("items.title")).containsExactly("关于第一件事的建议", "关于第三件事的建议");
        assertThat(items.getInt("items[0].coSigners.size()")).isEqualTo(1);
        assertThat(items.getInt("items[1].coSigners.size()")).isEqualTo(1);
    }

    private static String row(String ref, String title, long lead, long coSigner) {
        return "{\"externalRef\": \"" + ref + "\", \"kind\": \"SUGGESTION\", \"title\": \"" + title
                + "\", \"body\": \"内容。\", \"field\": \"OTHER\", \"leadProposerId\": " + lead
                + ", \"coSignerIds\": [" + coSigner + "]}";
    }

    /** Posts the file, follows the job to its end and returns the report. */
    static JsonPath importFile(long session, String contentType, String content) {
        String location = given().auth().oauth2(Tokens.office()).contentType(contentType + "; charset=UTF-8")
                .body(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("sessionId", session)
                .post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        String path = java.net.URI.create(location).getPath();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(Tokens.office()).get(path).then().extract().path("state")));
        return given().auth().oauth2(Tokens.office()).get(path).then().statusCode(200).body("state", equalTo("DONE"))
                .extract().jsonPath();
    }

}
