package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * 回头看 across two sessions of one township congress: session 1 answers two items as B class and promises
 * commitments, session 2's follow-up lists them with their progress, the overdue ones flagged, and the annual
 * report compares the two sessions with figures that add up.
 */
@QuarkusTest
class FollowUpTest {

    private static final long U1 = 61;
    private static final long U2 = 62;
    private static final long U3 = 63;

    @Test
    void theNextSessionFollowsUpLastSessionsBClassItemsAndCommitments() {
        Instant t0 = Instant.now().minus(400, ChronoUnit.DAYS);
        LocalDate past = LocalDate.now().minusDays(100);
        LocalDate future = LocalDate.now().plusDays(200);
        long late = EventStream.nextId();
        long coming = EventStream.nextId();
        long done = EventStream.nextId();
        long promisedWithA = EventStream.nextId();
        try (EventStream first = township(2030); EventStream second = township(2031)) {
            // session 1: B with one overdue and one coming commitment; a joint B fulfilled; an A without any; an A
            // whose commitment is overdue (followed up although not B)
            EventStream.Item b1 = first.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", "关于增加课后服务的建议", "李副镇长");
            b1.sole(U1, t0).replied(U1, "B", t0.plus(30, ChronoUnit.DAYS), Map.of(late, past, coming, future))
                    .progressed(U1, late, 60, false, past.minusDays(10));
            EventStream.Item b2 = first.unregistered("SUGGESTION");
            b2.delegation = "西城区代表团";
            b2.register("AGRICULTURE_RURAL", false, false).joint(t0, U2, U3)
                    .replied(U2, "B", t0.plus(40, ChronoUnit.DAYS), Map.of(done, past.minusDays(30)))
                    .progressed(U2, done, 100, true, past.minusDays(40));
            first.registered("SUGGESTION", "OTHER").sole(U1, t0).replied(U1, "A", t0.plus(20, ChronoUnit.DAYS));
            first.registered("SUGGESTION", "OTHER").sole(U3, t0)
                    .replied(U3, "A", t0.plus(25, ChronoUnit.DAYS), Map.of(promisedWithA, past));
            // session 2, a year later
            Instant t1 = t0.plus(365, ChronoUnit.DAYS);
            second.registered("SUGGESTION", "OTHER").sole(U1, t1).replied(U1, "A", t1.plus(10, ChronoUnit.DAYS));
            second.registered("SUGGESTION", "OTHER").sole(U2, t1).replied(U2, "B", t1.plus(10, ChronoUnit.DAYS),
                    Map.of(EventStream.nextId(), future));
            first.flush();
            second.flush();

            String followUp = "/api/v1/sessions/" + second.session + "/follow-up";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().auth().oauth2(Tokens.office()).get(followUp).then().statusCode(200)
                            .body("previousSession.id", equalTo(first.session)).body("items.size()", equalTo(3))
                            .body("commitments", equalTo(4)).body("fulfilled", equalTo(1)));
            JsonPath f = given().auth().oauth2(Tokens.office()).get(followUp).then().statusCode(200)
                    .body("session.year", equalTo(2031)).body("previousSession.year", equalTo(2030))
                    .body("bClassItems", equalTo(2)).body("inProgress", equalTo(3)).body("overdue", equalTo(2))
                    .body("items.bClass", hasItems(true, false))
                    .body("items.find { it.submissionId == " + b1.id + " }.classes", equalTo("B"))
                    .body("items.find { it.submissionId == " + b2.id + " }.units", equalTo("单位62"))
                    .extract().jsonPath();
            assertThat(f.getLong("fulfilled") + f.getLong("inProgress")).isEqualTo(f.getLong("commitments"));
            Map<String, Object> overdue = f.getMap("items.commitments.flatten().find { it.commitmentId == " + late + " }");
            assertThat(overdue).containsEntry("overdue", true).containsEntry("percent", 60)
                    .containsEntry("unitName", "单位61").containsEntry("promisedOn", past.toString());
            assertThat(((Number) overdue.get("overdueDays")).longValue()).isGreaterThanOrEqualTo(99);
            assertThat(f.getMap("items.commitments.flatten().find { it.commitmentId == " + coming + " }"))
                    .containsEntry("overdue", false).containsEntry("fulfilled", false);
            assertThat(f.getMap("items.commitments.flatten().find { it.commitmentId == " + done + " }"))
                    .containsEntry("overdue", false).containsEntry("fulfilled", true).containsEntry("percent", 100);

            // the first session of the body has nothing to follow up; an unknown session is a problem 404
            given().auth().oauth2(Tokens.office()).get("/api/v1/sessions/" + first.session + "/follow-up").then()
                    .statusCode(200).body("previousSession", nullValue()).body("items.size()", equalTo(0));
            given().auth().oauth2(Tokens.office()).get("/api/v1/sessions/987654321/follow-up").then().statusCode(404)
                    .contentType("application/problem+json");

            // session 1's own figures: one of four assigned items had two units; delegations and leaders add up
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", first.session), r -> r
                    .body("total", equalTo(4)).body("itemsAssigned", equalTo(4)).body("multiUnitItems", equalTo(1))
                    .body("multiUnitShare", equalTo(25.00f))
                    .body("byDelegation.find { it.name == '东城区代表团' }.items", equalTo(3))
                    .body("byDelegation.find { it.name == '西城区代表团' }.items", equalTo(1))
                    .body("byDelegation.find { it.name == '西城区代表团' }.share", equalTo(25.00f))
                    .body("byLeadingOfficial.size()", equalTo(1))
                    .body("byLeadingOfficial[0].name", equalTo("李副镇长")).body("byLeadingOfficial[0].items", equalTo(1))
                    .body("byLeadingOfficial[0].itemsReplied", equalTo(1)));

            String report = given().auth().oauth2(Tokens.office()).queryParam("sessionId", second.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            assertThat(report).contains("## 六、与上次会议对比").contains("与上次会议（测试会议" + first.session + "）相比")
                    .contains("| 承办建议提案（件） | 2 | 4 | -2 |").contains("| 已答复（件） | 2 | 4 | -2 |")
                    .contains("| A类（件次） | 1 | 2 | -1 |").contains("| B类（件次） | 1 | 2 | -1 |")
                    .contains("| A类占比 | 50.00% | 50.00% | 0.00个百分点 |")
                    .contains("| 两个及以上单位办理（件） | 0 | 1 | -1 |")
                    .contains("| 办复率 | 100.00% | 100.00% | 0.00个百分点 |")
                    .contains("## 七、上次会议B类事项跟踪（回头看）")
                    .contains("答复为B类（正在解决或列入计划逐步解决）的2件，连同作出承诺的事项共跟踪3件、承诺事项4项：已完成1项，推进中3项，"
                            + "其中逾期未完成2项")
                    .contains("| 第" + (b1.id % 1000) + "号 | 关于增加课后服务的建议 | 单位61 | B类 | "
                            + past.getYear() + "年" + past.getMonthValue() + "月" + past.getDayOfMonth() + "日 | 60%");
            // the table's rows add up to the paragraph's counts: one per commitment
            assertThat(count(report, "\\| 已完成 \\|")).isEqualTo(1);
            assertThat(count(report, "\\| 推进中 \\|")).isEqualTo(1);
            assertThat(count(report, "\\| 【逾期\\d+天】 \\|")).isEqualTo(2);
            // the comparison's rates stay inside their rows: the class shares of each session add up to 100 %
            assertThat(count(report, "\\| [ABCD]类占比 \\| [\\d.]+% \\| [\\d.]+% \\|")).isEqualTo(4);

            // the same sections in HTML, the overdue mark kept
            given().auth().oauth2(Tokens.office()).queryParam("sessionId", second.session).queryParam("format", "HTML")
                    .get("/api/v1/reports/annual").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("<h2>七、上次会议B类事项跟踪（回头看）</h2>"))
                    .body(org.hamcrest.Matchers.containsString("【逾期"));
        }
    }

    @Test
    void aFieldTheOfficeAddedShowsItsNameAndUnitsShowTheirs() {
        try (EventStream s = new EventStream()) {
            Instant t0 = Instant.now().minus(60, ChronoUnit.DAYS);
            EventStream.Item ecology = s.unregistered("SUGGESTION");
            ecology.fieldName = "生态环境";
            ecology.register("ECOLOGY", false, false).sole(U1, t0).replied(U1, "A", t0.plus(10, ChronoUnit.DAYS));
            s.registered("SUGGESTION", "OTHER").sole(U2, t0).replied(U2, "A", t0.plus(20, ChronoUnit.DAYS));
            s.flush();
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(2)).body("itemsReplied", equalTo(2))
                    .body("byField.find { it.code == 'ECOLOGY' }.label", equalTo("生态环境")));
            String report = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .get("/api/v1/reports/annual").then().statusCode(200).extract().asString();
            assertThat(report).contains("生态环境方面1件").contains("1 生态环境").doesNotContain("ECOLOGY")
                    .contains("| 1 | 单位61 | 100.00% |").doesNotContain("unit 61").doesNotContain("unit 62");
            given().queryParam("sessionId", s.session).get("/api/v1/open-data/submissions").then().statusCode(200)
                    .body("find { it.units == '单位61' }.field", equalTo("生态环境"));
            given().queryParam("sessionId", s.session).get("/api/v1/open-data/submissions.csv").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("生态环境"));
            given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session).get("/api/v1/rankings")
                    .then().statusCode(200).body("units.unitName", hasItems("单位61", "单位62"))
                    .body("units.size()", greaterThan(1));
        }
    }

    private static EventStream township(int year) {
        EventStream s = new EventStream();
        s.level = "TOWNSHIP";
        s.year = year;
        return s;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
