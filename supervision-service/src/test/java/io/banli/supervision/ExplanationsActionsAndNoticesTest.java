package io.banli.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Spring 2025, two units: 市测试甲局 signs and replies on time; 市测试乙局 never signs for the item and replies
 * late (its late reply also ends its sign-for, late).
 * The late unit explains itself, the office calls it in, and the notice for the period names it.
 * 市测试甲局 submitted its reply to the office in time but the office sent it to the proposer late (issue 14,
 * point 5): the notice measures the unit's timeliness, so it stays on time there, labelled as such.
 */
@QuarkusTest
class ExplanationsActionsAndNoticesTest {

    static final String WORKFLOW = "banli.assignment.workflow";
    static final long PUNCTUAL = 21;
    static final long LATE = 22;

    @Test
    void aLateUnitExplainsIsCalledInAndIsNamedInTheNotice() {
        long punctualItem = DeadlineSupervisionTest.IDS.incrementAndGet();
        long lateItem = DeadlineSupervisionTest.IDS.incrementAndGet();
        send(punctualItem, "banli.assignment.assigned.v1", assigned(punctualItem, PUNCTUAL, "市测试甲局"));
        send(punctualItem, "banli.assignment.signed.v1", done(punctualItem, PUNCTUAL, "signedAt", "2025-02-11T02:00:00Z"));
        send(punctualItem, "banli.assignment.reply-submitted.v1",
                done(punctualItem, PUNCTUAL, "submittedAt", "2025-04-01T02:00:00Z"));
        // the office's review took until after the deadline (12 May): the item is late, the unit is not
        send(punctualItem, "banli.assignment.replied.v1", Map.of("submissionId", punctualItem, "unitId", PUNCTUAL,
                "round", 1, "commitments", java.util.List.of(), "repliedAt", "2025-05-26T02:00:00Z"));
        send(lateItem, "banli.assignment.assigned.v1", assigned(lateItem, LATE, "市测试乙局"));
        send(lateItem, "banli.assignment.reply-submitted.v1",
                done(lateItem, LATE, "submittedAt", "2025-05-20T02:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            deadlines(lateItem, "REPLY").body("[0].state", equalTo("MET")).body("[0].metOnTime", equalTo(false));
            deadlines(lateItem, "SIGN_FOR").body("[0].state", equalTo("MET")).body("[0].metOnTime", equalTo(false));
            deadlines(punctualItem, "REPLY").body("[0].metOnTime", equalTo(true));
            deadlines(punctualItem, "EVALUATION").body("", hasSize(1));
        });
        long lateReply = deadlines(lateItem, "REPLY").extract().<Number>path("[0].id").longValue();
        long punctualReply = deadlines(punctualItem, "REPLY").extract().<Number>path("[0].id").longValue();

        // 超期说明: only the late unit, only for a missed deadline, only once.
        Map<String, String> why = Map.of("text", "因需市规划调整方案批复，答复延后，已电话告知代表。");
        given().auth().oauth2(Tokens.unitStaff(LATE)).contentType(ContentType.JSON).body(why)
                .put("/api/v1/deadlines/" + lateReply + "/explanation").then().statusCode(200);
        given().auth().oauth2(Tokens.unitStaff(LATE)).contentType(ContentType.JSON).body(why)
                .put("/api/v1/deadlines/" + lateReply + "/explanation").then().statusCode(409);
        given().auth().oauth2(Tokens.unitStaff(PUNCTUAL)).contentType(ContentType.JSON).body(why)
                .put("/api/v1/deadlines/" + punctualReply + "/explanation").then().statusCode(409)
                .body("detail", containsString("MET on time"));
        given().auth().oauth2(Tokens.unitStaff(PUNCTUAL)).contentType(ContentType.JSON).body(why)
                .put("/api/v1/deadlines/" + lateReply + "/explanation").then().statusCode(404);
        given().auth().oauth2(Tokens.unitStaff(LATE)).contentType(ContentType.JSON).body(Map.of("text", " "))
                .put("/api/v1/deadlines/" + lateReply + "/explanation").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).get("/api/v1/deadlines/" + lateReply + "/explanation")
                .then().statusCode(200).body("text", equalTo(why.get("text")));
        // The office sees which explanations are still missing: the late sign-for.
        given().auth().oauth2(Tokens.office()).queryParam("unitId", LATE).queryParam("explanationMissing", true)
                .get("/api/v1/deadlines").then().statusCode(200)
                .body("stage", org.hamcrest.Matchers.contains("SIGN_FOR"));

        // 约谈: the office calls the late unit in.
        try (TopicProbe alerts = TopicProbe.open("banli.supervision.alerts")) {
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                    "submissionId", lateItem, "unitId", LATE, "kind", "INTERVIEW",
                    "note", "约谈分管负责人，要求5个工作日内报送整改方案。", "takenOn", "2025-05-21"))
                    .post("/api/v1/supervision-actions").then().statusCode(201).body("kind", equalTo("INTERVIEW"));
            alerts.await(TopicProbe.ofType("banli.supervision.supervision-action-recorded.v1", String.valueOf(lateItem)));

            given().auth().oauth2(Tokens.unitHead(LATE)).get("/api/v1/supervision-actions")
                    .then().statusCode(200).body("", hasSize(1));
            given().auth().oauth2(Tokens.unitHead(PUNCTUAL)).get("/api/v1/supervision-actions")
                    .then().statusCode(200).body("", hasSize(0));
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                    "kind", "INTERVIEW", "note", "无对象", "takenOn", "2025-05-21"))
                    .post("/api/v1/supervision-actions").then().statusCode(422);
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                    "unitId", LATE, "kind", "SCOLDING", "note", "x", "takenOn", "2025-05-21"))
                    .post("/api/v1/supervision-actions").then().statusCode(400);
            given().auth().oauth2(Tokens.unitHead(LATE)).contentType(ContentType.JSON).body(Map.of(
                    "unitId", LATE, "kind", "INTERVIEW", "note", "x", "takenOn", "2025-05-21"))
                    .post("/api/v1/supervision-actions").then().statusCode(403);

            // 通报 for February to May 2025.
            JsonPath notice = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("from", "2025-02-01", "to", "2025-05-31")).post("/api/v1/notices")
                    .then().statusCode(201).extract().jsonPath();
            // The notice covers every unit with deadlines in the period; other tests' units may be in it too.
            String ours = "{ it.unitId in [" + PUNCTUAL + ", " + LATE + "] }";
            String late = "content.lateUnits.find { it.unitId == " + LATE + " }";
            assertThat(notice.getList("content.lateUnits.findAll " + ours + ".unitName")).containsExactly("市测试乙局");
            assertThat(notice.getList(late + ".items.stage")).containsExactly("SIGN_FOR", "REPLY");
            assertThat(notice.getList(late + ".items.stillOpen")).containsExactly(false, false);
            assertThat(notice.getList(late + ".items.explanationFiled")).containsExactly(false, true);
            assertThat(notice.getInt(late + ".items[1].daysLate")).isEqualTo(8);
            assertThat(notice.getList("content.ranking.findAll " + ours + ".unitName"))
                    .containsExactly("市测试甲局", "市测试乙局");
            assertThat(notice.getDouble("content.ranking.find { it.unitId == " + PUNCTUAL + " }.onTimePercent"))
                    .isEqualTo(100.0);
            assertThat(notice.getBoolean("content.ranking.find { it.unitId == " + LATE + " }.belowStandard")).isTrue();
            long id = notice.getLong("id");
            alerts.await(TopicProbe.ofType("banli.supervision.notice-issued.v1", "notice-" + id));

            String document = given().auth().oauth2(Tokens.unitStaff(LATE)).accept("text/html")
                    .get("/api/v1/notices/" + id + "/document").then().statusCode(200)
                    .contentType(containsString("text/html")).extract().asString();
            assertThat(document).contains("建议提案办理逾期情况的通报", "市测试乙局", "已逾期完成", "单位按时办理率排名", "0.00%",
                    "以单位报送办公室的时间为准，不计办公室审核发出的时间");
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("from", "2025-06-01", "to", "2025-05-31")).post("/api/v1/notices")
                    .then().statusCode(422);
            given().auth().oauth2(Tokens.unitHead(LATE)).contentType(ContentType.JSON)
                    .body(Map.of("from", "2025-02-01", "to", "2025-05-31")).post("/api/v1/notices")
                    .then().statusCode(403);
        }
    }

    private static io.restassured.response.ValidatableResponse deadlines(long submission, String stage) {
        return given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission)
                .queryParam("stage", stage).get("/api/v1/deadlines").then().statusCode(200);
    }

    private static Map<String, Object> assigned(long submission, long unit, String unitName) {
        return Map.of("submissionId", submission, "kind", "SUGGESTION",
                "assignmentId", DeadlineSupervisionTest.IDS.incrementAndGet(), "unitId", unit, "unitName", unitName,
                "mode", "SOLE", "role", "SOLE", "assignedAt", "2025-02-10T01:30:00Z");
    }

    private static Map<String, Object> done(long submission, long unit, String field, String at) {
        return Map.of("submissionId", submission, "unitId", unit, field, at);
    }

    /** Assignment's event of this type, from its published example with these fields. */
    private static void send(long submission, String type, Map<String, Object> fields) {
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), UUID.randomUUID().toString(), type,
                Contracts.data(type, fields));
    }
}
