package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.INTAKE_TOPIC;
import static io.banli.assignment.AssignmentFixtures.REGISTERED;
import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.awaitKnown;
import static io.banli.assignment.AssignmentFixtures.nextSubmissionId;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.submittedReply;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * 智能交办: last session's items were handled (one re-assigned after a "not ours"); this session's items get the
 * units that handled the similar ones, with those items as the reason, and the office pre-assigns the whole
 * session from the pre-fill in one request.
 */
@QuarkusTest
class RecommendationTest {

    private final long lastSession = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
    private final long thisSession = lastSession + 1;

    @Test
    void unitsAreRecommendedFromPrecedentsAndPreFillTheSessionsPreAssignment() {
        long water = unit("市水务局");
        long transport = unit("市交通运输局");
        long housing = unit("市住房和城乡建设局");
        long market = unit("市市场监督管理局");
        long education = unit("市教育局");
        // Last session: how the office and the units handled similar items.
        long river = registered(lastSession, "关于整治城区河道黑臭水体的建议", "URBAN_CONSTRUCTION");
        assign(river, "SOLE", water);
        signFor(river, water);
        accept(river, submittedReply(river, water, "A"));
        long secret = registered(lastSession, "关于加快黑臭水体治理和河道清淤的建议", "URBAN_CONSTRUCTION", true);
        assign(secret, "SOLE", water);
        signFor(secret, water);
        accept(secret, submittedReply(secret, water, "C"));
        assign(registered(lastSession, "关于优化公交线路和站点设置的建议", "URBAN_CONSTRUCTION"), "SOLE", transport);
        assign(registered(lastSession, "关于老旧小区加装电梯的建议", "URBAN_CONSTRUCTION"), "JOINT", housing, market);
        long parking = registered(lastSession, "关于缓解学校周边停车位不足的建议", "URBAN_CONSTRUCTION");
        reassignedAway(parking, education, transport);

        // This session: registered, not yet assigned.
        long newRiver = registered(thisSession, "关于治理黑臭水体的建议", "URBAN_CONSTRUCTION");
        long newLift = registered(thisSession, "关于推进加装电梯的建议", "URBAN_CONSTRUCTION");
        long newParking = registered(thisSession, "关于解决停车位不足的建议", "URBAN_CONSTRUCTION");
        long unlike = registered(thisSession, "关于" + UUID.randomUUID().toString().substring(0, 8) + "的建议",
                "FIELD_" + thisSession);

        JsonPath riverUnits = recommended(newRiver);
        assertThat(riverUnits.getLong("leadUnits[0].unitId")).isEqualTo(water);
        assertThat(riverUnits.getString("leadUnits[0].unitName")).startsWith("市水务局");
        assertThat(riverUnits.getList("leadUnits[0].precedents.submissionId", Long.class)).contains(river);
        Map<String, Object> reason = riverUnits.getMap("leadUnits[0].precedents.find { it.submissionId == "
                + river + "L }");
        assertThat(reason).containsEntry("title", "关于整治城区河道黑臭水体的建议").containsEntry("resultClass", "A")
                .containsEntry("sessionId", (int) lastSession)
                .containsEntry("replyText", AssignmentFixtures.reply("A").get("text"));
        // The confidential item's answer is not shown, its unit and class are.
        Map<String, Object> secretReason = riverUnits.getMap("leadUnits[0].precedents.find { it.submissionId == "
                + secret + "L }");
        assertThat(secretReason).containsEntry("resultClass", "C").containsEntry("replyText", null);
        assertThat(riverUnits.getDouble("leadUnits[0].score")).isGreaterThan(0.5);

        JsonPath liftUnits = recommended(newLift);
        assertThat(liftUnits.getLong("leadUnits[0].unitId")).isEqualTo(housing);
        assertThat(liftUnits.getLong("coUnits[0].unitId")).isEqualTo(market);

        // The parking item was re-assigned away from education: education is not what it teaches.
        JsonPath parkingUnits = recommended(newParking);
        assertThat(parkingUnits.getLong("leadUnits[0].unitId")).isEqualTo(transport);
        assertThat(parkingUnits.getList("leadUnits.unitId", Long.class)).doesNotContain(education);
        assertThat(parkingUnits.getList("coUnits.unitId", Long.class)).doesNotContain(education);

        given().auth().oauth2(Tokens.office()).get(path(unlike, "/recommended-units")).then().statusCode(200)
                .body("leadUnits", empty()).body("coUnits", empty());

        // The pre-fill proposes; nothing is assigned until the office sends it.
        JsonPath preFill = given().auth().oauth2(Tokens.office())
                .get("/api/v1/sessions/" + thisSession + "/recommended-pre-assignments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(preFill.getList("items.submissionId", Long.class)).containsExactly(newRiver, newLift, newParking);
        assertThat(preFill.getList("withoutRecommendation", Long.class)).containsExactly(unlike);
        assertThat(preFill.getMap("items[1]")).containsEntry("mode", "JOINT").containsEntry("leadUnitId", (int) housing)
                .containsEntry("coUnitIds", List.of((int) market));
        assertThat(preFill.getMap("items[0]")).containsEntry("mode", "SOLE").containsEntry("leadUnitId", (int) water);
        given().auth().oauth2(Tokens.office()).get(path(newLift, "")).then().body("assignments", empty());

        // One confirmation pre-assigns the session as recommended.
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("items", preFill.getList("items"))).post("/api/v1/pre-assignments")
                .then().statusCode(200).body("preAssigned", equalTo(3));
        given().auth().oauth2(Tokens.office()).get(path(newLift, "")).then()
                .body("assignments.unitId", containsInAnyOrder((int) housing, (int) market))
                .body("assignments.state", everyItem(equalTo("PRE_ASSIGNED")));
        JsonPath after = given().auth().oauth2(Tokens.office())
                .get("/api/v1/sessions/" + thisSession + "/recommended-pre-assignments").then().statusCode(200)
                .body("items", empty()).extract().jsonPath();
        assertThat(after.getList("withoutRecommendation", Long.class)).containsExactly(unlike);
    }

    @Test
    void unknownSubmissionOrSessionIsAProblem() {
        given().auth().oauth2(Tokens.office()).get(path(nextSubmissionId(), "/recommended-units")).then()
                .statusCode(404).contentType(containsString("application/problem+json"));
        given().auth().oauth2(Tokens.office()).get("/api/v1/sessions/" + lastSession + "/recommended-pre-assignments")
                .then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    private static JsonPath recommended(long submissionId) {
        JsonPath units = given().auth().oauth2(Tokens.office()).get(path(submissionId, "/recommended-units")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(units.getLong("submissionId")).isEqualTo(submissionId);
        return units;
    }

    /** Pre-assigned to a unit that says "not ours"; the office re-assigns it and confirms. */
    private static void reassignedAway(long item, long from, long to) {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("mode", "SOLE", "leadUnitId", from, "coUnitIds", List.of()))
                .post(path(item, "/pre-assignment")).then().statusCode(201);
        given().auth().oauth2(Tokens.unitStaff(from)).contentType(ContentType.JSON)
                .body(Map.of("reason", "停车管理不属本单位职责")).post(path(item, "/adjustment-request"))
                .then().statusCode(200);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("unitId", from, "decision", "REASSIGN", "newUnitId", to, "reason", "同意调整"))
                .post(path(item, "/adjustment-decision")).then().statusCode(200);
        given().auth().oauth2(Tokens.office()).post(path(item, "/pre-assignment/confirmation")).then().statusCode(201);
    }

    /** Intake registers an item of the session with this title; returns its id once this service has it. */
    private static long registered(long session, String title, String field) {
        return registered(session, title, field, false);
    }

    private static long registered(long session, String title, String field, boolean confidential) {
        long id = nextSubmissionId();
        Map<String, Object> fields = AssignmentFixtures.registered(id);
        fields.put("confidential", confidential);
        fields.put("sessionId", session);
        fields.put("title", title);
        fields.put("field", field);
        EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), UUID.randomUUID().toString(), REGISTERED,
                Contracts.data(REGISTERED, fields));
        awaitKnown(id);
        return id;
    }
}
