package io.banli.intake;

import static io.banli.intake.ImportTest.importFile;
import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.auditDetails;
import static io.banli.intake.IntakeFixtures.received;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.banli.testing.OutboxMarker;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The standing committee hands over its list: proposers named as it names them (name, 代表团 or 界别), its own
 * numbers (第N号), and the office registers or refuses the reviewed items of the session in one request each.
 */
@QuarkusTest
class CommitteeHandOverTest {

    static final String TOPIC = "banli.intake.submissions";
    static final String REGISTERED = "banli.intake.submission.registered.v1";

    @Test
    void anImportByNamesWithABulkRegistration() {
        long session = session("PEOPLES_CONGRESS");
        String tag = String.valueOf(System.nanoTime() % 1_000_000);
        String wang = "王建华" + tag;
        String li = "李娜" + tag;
        String zhang = "张伟" + tag;
        long wangId = member("DEPUTY", wang, "东城区代表团");
        long liId = member("DEPUTY", li, "西城区代表团");
        member("DEPUTY", zhang, "东城区代表团");
        long zhangWest = member("DEPUTY", zhang, "西城区代表团");
        member("CPPCC_MEMBER", li, "经济界");

        String csv = "externalRef,committeeNumber,kind,title,body,field,leadProposer,delegation,coSigners\n"
                + "HD-1,1,SUGGESTION,关于加快老旧小区加装电梯的建议,建议简化审批流程。,URBAN_CONSTRUCTION_TRANSPORT,"
                + wang + ",东城区代表团," + li + "（西城区代表团）\n"
                + "HD-2,2,SUGGESTION,关于课后服务的建议,建议扩大覆盖面。,OTHER," + zhang + ",,\n"
                + "HD-3,3,SUGGESTION,关于公交线网的建议,建议加密站点。,OTHER," + zhang + ",西城区代表团," + wang + "\n"
                + "HD-4,4,SUGGESTION,关于路灯的建议,建议更换节能路灯。,OTHER,赵无名" + tag + ",东城区代表团,\n"
                + "HD-5,1,SUGGESTION,关于停车的建议,建议建设立体停车库。,OTHER," + wang + ",东城区代表团,\n"
                + "HD-6,6,SUGGESTION,关于绿道的建议,建议连通绿道。,OTHER," + li + ",东城区代表团,\n";
        JsonPath report = importFile(session, "text/csv", csv);
        assertThat(report.getInt("accepted")).isEqualTo(2);
        assertThat(report.getList("rejections.row", Integer.class)).containsExactly(2, 4, 5, 6);
        assertThat(report.getString("rejections[0].reason"))
                .isEqualTo("leadProposer: 2 deputies are named " + zhang + " (东城区代表团, 西城区代表团): name the "
                        + "delegation (代表团)");
        assertThat(report.getString("rejections[1].reason"))
                .isEqualTo("leadProposer: no deputy named 赵无名" + tag + " in 东城区代表团");
        assertThat(report.getString("rejections[2].reason")).contains("committeeNumber: 1 occurs twice");
        assertThat(report.getString("rejections[3].reason"))
                .as("a CPPCC member of that name does not lead a suggestion")
                .isEqualTo("leadProposer: no deputy named " + li + " in 东城区代表团");

        JsonPath items = given().auth().oauth2(Tokens.office()).queryParam("sessionId", session)
                .queryParam("sort", "id").get("/api/v1/submissions").then().statusCode(200).extract().jsonPath();
        assertThat(items.getInt("total")).as("rejected rows leave nothing behind").isEqualTo(2);
        assertThat(items.getList("items.state")).containsOnly("RECEIVED");
        assertThat(items.getList("items.number")).containsOnly((Object) null);
        assertThat(items.getList("items.committeeNumber", Integer.class)).containsExactly(1, 3);
        assertThat(items.getList("items.leadProposerId", Long.class)).containsExactly(wangId, zhangWest);
        assertThat(items.getList("items[0].coSigners.memberId", Long.class)).containsExactly(liId);
        assertThat(items.getList("items[1].coSigners.memberId", Long.class)).containsExactly(wangId);
        long first = items.getLong("items[0].id");
        long third = items.getLong("items[1].id");

        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.office()).body(Map.of("allReceived", true))
                    .post("/api/v1/sessions/" + session + "/registrations").then().statusCode(200)
                    .body("decision", equalTo("REGISTERED")).body("count", equalTo(2))
                    .body("firstNumber", equalTo(1)).body("lastNumber", equalTo(2))
                    .body("items.submissionId", equalTo(List.of((int) first, (int) third)))
                    .body("items.committeeNumber", equalTo(List.of(1, 3)));
            JsonPath event = JsonPath.from(topic.await(TopicProbe.ofType(REGISTERED, String.valueOf(third))).value());
            assertThat(event.getInt("number")).isEqualTo(2);
            assertThat(event.getInt("committeeNumber")).isEqualTo(3);
            assertThat(event.getString("leadProposer.delegation")).isEqualTo("西城区代表团");
        }
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + first).then()
                .body("state", equalTo("REGISTERED")).body("number", equalTo(1)).body("committeeNumber", equalTo(1));
        assertThat(auditDetails(third)).anyMatch(d -> d.equals("RECEIVED -> REGISTERED: " + sessionName(session)
                + " 第2号 (committee's 第3号)"));
        assertThat(sessionAudit(session)).contains("2 items registered: " + sessionName(session) + " 第1号 to 第2号");
    }

    @Test
    void twoHundredAndOneItemsAreRegisteredInOneRequestWithGapFreeNumbers() {
        long session = session("PEOPLES_CONGRESS");
        String tag = String.valueOf(System.nanoTime() % 1_000_000);
        String name = "陈静" + tag;
        long chen = member("DEPUTY", name, "朝阳区代表团");
        String rows = IntStream.rangeClosed(1, 201).mapToObj(n -> "{\"externalRef\": \"B-" + n
                + "\", \"committeeNumber\": " + n + ", \"kind\": \"SUGGESTION\", \"title\": \"关于第" + n
                + "项民生实事的建议\", \"body\": \"建议" + n + "。\", \"field\": \"OTHER\", \"leadProposer\": \"" + name
                + "\", \"delegation\": \"朝阳区代表团\"}").collect(Collectors.joining(",", "[", "]"));
        assertThat(importFile(session, "application/json", rows).getInt("accepted")).isEqualTo(201);
        // One item registered alone first: the bulk continues the session's numbers without a gap.
        long single = received(session, chen);
        as(Tokens.office()).body(Map.of("version", 1)).post("/api/v1/submissions/" + single + "/registration")
                .then().statusCode(200).body("number", equalTo(1));

        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            long started = System.nanoTime();
            JsonPath report = as(Tokens.office()).body(Map.of("allReceived", true))
                    .post("/api/v1/sessions/" + session + "/registrations").then().statusCode(200).extract().jsonPath();
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Bulk registration of 201 items: %d ms over HTTP%n", millis);
            assertThat(millis).as("one request for the whole hand-over, not 201 slow calls").isLessThan(3_000);
            assertThat(report.getInt("count")).isEqualTo(201);
            assertThat(report.getList("items.number", Integer.class))
                    .isEqualTo(IntStream.rangeClosed(2, 202).boxed().toList());
            assertThat(report.getList("items.committeeNumber", Integer.class))
                    .isEqualTo(IntStream.rangeClosed(1, 201).boxed().toList());
            long last = report.getLong("items[200].submissionId");
            JsonPath event = JsonPath.from(topic.await(TopicProbe.ofType(REGISTERED, String.valueOf(last))).value());
            assertThat(event.getInt("number")).isEqualTo(202);
            assertThat(event.getInt("committeeNumber")).isEqualTo(201);
        }
    }

    @Test
    void aBulkRegistrationWithOneBadItemRegistersNothing() {
        long session = session("PEOPLES_CONGRESS");
        long other = session("PEOPLES_CONGRESS");
        long lead = IntakeFixtures.member("DEPUTY");
        long a = received(session, lead);
        long b = received(session, lead, "关于增加停车位的建议");
        long done = received(session, lead, "关于路灯的建议");
        as(Tokens.office()).body(Map.of("version", 1)).post("/api/v1/submissions/" + done + "/registration")
                .then().statusCode(200).body("number", equalTo(1));
        long foreign = received(other, lead);

        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.office()).body(Map.of("submissionIds", List.of(a, done, b)))
                    .post("/api/v1/sessions/" + session + "/registrations").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://banli.dev/problems/bulk-item-refused"))
                    .body("detail", equalTo("1 of 3 items cannot be registered (see items); nothing was registered."))
                    .body("items.submissionId", equalTo(List.of((int) done)))
                    .body("items[0].reason", equalTo("is REGISTERED: REGISTER is not allowed in that state"));
            as(Tokens.office()).body(Map.of("submissionIds", List.of(a, foreign, 987_654_321L)))
                    .post("/api/v1/sessions/" + session + "/registrations").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("items.submissionId", equalTo(List.of((int) foreign, 987_654_321)))
                    .body("items[0].reason", equalTo("no such submission in session " + session));
            as(Tokens.office()).body(Map.of("submissionIds", List.of(a, done), "reason", "不属于建议范围。",
                    "disposition", "LETTER")).post("/api/v1/sessions/" + session + "/refusals").then().statusCode(409)
                    .body("detail", equalTo("1 of 2 items cannot be refused (see items); nothing was refused."));
            assertThat(topic.until(OutboxMarker.after(TOPIC, String.valueOf(a)), r -> String.valueOf(a).equals(r.key())
                    || String.valueOf(b).equals(r.key()))).as("nothing announced for a refused bulk").isEmpty();
        }
        for (long id : List.of(a, b)) {
            given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + id).then()
                    .body("state", equalTo("RECEIVED")).body("number", nullValue());
        }

        // Refused together with one reason; the next registration still gets 第2号: no number was taken meanwhile.
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.office()).body(Map.of("submissionIds", List.of(b), "reason", "所提问题属于个人诉求。",
                    "disposition", "PUBLIC_OPINION")).post("/api/v1/sessions/" + session + "/refusals").then()
                    .statusCode(200).body("decision", equalTo("REFUSED")).body("count", equalTo(1))
                    .body("items[0].number", nullValue());
            JsonPath refused = JsonPath.from(topic.await(
                    TopicProbe.ofType("banli.intake.submission.refused.v1", String.valueOf(b))).value());
            assertThat(refused.getString("disposition")).isEqualTo("PUBLIC_OPINION");
        }
        as(Tokens.office()).body(Map.of("submissionIds", List.of(a)))
                .post("/api/v1/sessions/" + session + "/registrations").then().statusCode(200)
                .body("items[0].number", equalTo(2));
        assertThat(sessionAudit(session)).contains("1 items refused, PUBLIC_OPINION: 所提问题属于个人诉求。");

        // Bad selections and callers.
        as(Tokens.office()).body(Map.of()).post("/api/v1/sessions/" + session + "/registrations").then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.office()).body(Map.of("allReceived", true, "submissionIds", List.of(a)))
                .post("/api/v1/sessions/" + session + "/registrations").then().statusCode(400);
        as(Tokens.office()).body(Map.of("allReceived", true)).post("/api/v1/sessions/987654321/registrations")
                .then().statusCode(404).contentType("application/problem+json");
        as(Tokens.office()).body(Map.of("allReceived", true, "disposition", "LETTER"))
                .post("/api/v1/sessions/" + session + "/refusals").then().statusCode(400);
        as(Tokens.member(lead)).body(Map.of("allReceived", true))
                .post("/api/v1/sessions/" + session + "/registrations").then().statusCode(403);
    }

    private static long member(String kind, String name, String delegation) {
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "name", name, "delegation", delegation, "phone", "13912345678",
                        "email", "daibiao@example.com", "address", "北京市东城区和平里街道1号"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id")).longValue();
    }

    private static String sessionName(long session) {
        return given().auth().oauth2(Tokens.office()).get("/api/v1/sessions/" + session).then().statusCode(200)
                .extract().path("name");
    }

    private static List<String> sessionAudit(long session) {
        return given().auth().oauth2(Tokens.auditor()).queryParam("subjectType", "session")
                .queryParam("subjectId", session).get("/api/v1/audit-log").then().statusCode(200)
                .extract().jsonPath().getList("detail");
    }
}
