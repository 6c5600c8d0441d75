package io.banli.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The office imports a roster: bad rows reported without their contact data, a second import adds nobody. */
@QuarkusTest
class MemberRosterTest {

    @Test
    void aRosterIsImportedOnceWithItsBadRowsReported() {
        String roster = "kind,name,delegation,phone,email,address\n"
                + "DEPUTY,赵名册,西城区代表团,13700001111,zhao@example.com,北京市西城区金融街1号\n"
                + "DEPUTY,钱名册,西城区代表团,call-me-maybe,,\n"
                + "CPPCC_MEMBER,孙名册,经济界,,sun@example,\n"
                + "MAYOR,李名册,西城区代表团,,,\n";
        JsonPath report = post(roster);
        assertThat(report.getInt("accepted")).isEqualTo(1);
        assertThat(report.getList("rejections.row", Integer.class)).containsExactly(2, 3, 4);
        assertThat(report.getString("rejections[0].reason")).isEqualTo("phone: must be a phone number")
                .doesNotContain("call-me-maybe");
        assertThat(report.getString("rejections[1].reason")).contains("email");
        assertThat(report.getString("rejections[2].reason")).contains("kind");

        JsonPath again = post(roster);
        assertThat(again.getInt("accepted")).isZero();
        assertThat(again.getInt("skipped")).isEqualTo(1);
        List<String> names = given().auth().oauth2(Tokens.office()).get("/api/v1/members").then().statusCode(200)
                .extract().jsonPath().getList("name");
        assertThat(names.stream().filter("赵名册"::equals)).hasSize(1);
        assertThat(names).doesNotContain("钱名册", "孙名册", "李名册");

        given().auth().oauth2(Tokens.office()).contentType("text/csv").body("nothing,useful\n")
                .post("/api/v1/members/roster").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.platform()).contentType("text/csv").body(roster)
                .post("/api/v1/members/roster").then().statusCode(403);
    }

    @Test
    void aRosterMayComeAsAnXlsxSheetWithPhoneNumbersTypedAsNumbers() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "banli-test", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("名册");
            String[] header = {"kind", "name", "delegation", "phone"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, "CPPCC_MEMBER");
            sheet.value(1, 1, "周表格");
            sheet.value(1, 2, "科技界");
            sheet.value(1, 3, 13600002222L);
        }
        int id = given().auth().oauth2(Tokens.office())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(out.toByteArray())
                .post("/api/v1/members/roster").then().statusCode(200).body("accepted", equalTo(1))
                .extract().path("total");
        assertThat(id).isEqualTo(1);
        given().auth().oauth2(Tokens.office()).get("/api/v1/members").then()
                .body("find { it.name == '周表格' }.phone", equalTo("13600002222"));
    }

    private static JsonPath post(String roster) {
        return given().auth().oauth2(Tokens.office()).contentType("text/csv; charset=UTF-8")
                .body(roster.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/members/roster")
                .then().statusCode(200).body("total", equalTo(4)).extract().jsonPath();
    }
}
