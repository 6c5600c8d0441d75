package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Three items assigned on Monday 3 March 2025 and never signed for: a key item led by 李副市长, a key
 * item led by 赵副市长, and an ordinary item. A week later every sign-for is overdue and explained.
 */
@QuarkusTest
class LeaderViewTest {

    static final String LI = "李副市长";

    @Inject
    TestClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aLeaderSeesTheDeadlinesExplanationsAndActionsOfTheKeyItemsTheyLeadAndNothingElse() {
        clock.travelTo(Instant.parse("2025-03-03T03:00:00Z"));
        Workflow led = item(71, true, LI);
        Workflow another = item(72, true, "赵副市长");
        Workflow ordinary = item(73, false, null);
        for (Workflow item : new Workflow[] {led, another, ordinary}) {
            item.awaitDeadline("REPLY", "OPEN");
        }

        given().auth().oauth2(Tokens.leader(LI)).queryParam("submissionId", led.submission).get("/api/v1/deadlines")
                .then().statusCode(200).body("stage", containsInAnyOrder("SIGN_FOR", "ADJUSTMENT_REQUEST", "REPLY"))
                .body("leadingOfficial", everyItem(equalTo(LI))).body("keyItem", everyItem(equalTo(true)));
        given().auth().oauth2(Tokens.leader(LI)).get("/api/v1/deadlines").then().statusCode(200)
                .body("leadingOfficial", everyItem(equalTo(LI)));
        for (Workflow foreign : new Workflow[] {another, ordinary}) {
            given().auth().oauth2(Tokens.leader(LI)).queryParam("submissionId", foreign.submission)
                    .get("/api/v1/deadlines").then().statusCode(200).body("", hasSize(0));
        }
        given().auth().oauth2(Tokens.leader()).queryParam("submissionId", led.submission).get("/api/v1/deadlines")
                .then().statusCode(200).body("", hasSize(0));

        clock.travelTo(Instant.parse("2025-03-10T02:00:00Z"));
        long ledSignFor = led.awaitDeadline("SIGN_FOR", "OVERDUE").extract().<Number>path("[0].id").longValue();
        long anotherSignFor = another.awaitDeadline("SIGN_FOR", "OVERDUE").extract().<Number>path("[0].id").longValue();
        explain(71, ledSignFor);
        explain(72, anotherSignFor);
        given().auth().oauth2(Tokens.leader(LI)).get("/api/v1/deadlines/" + ledSignFor + "/explanation").then()
                .statusCode(200).body("deadlineId", equalTo((int) ledSignFor));
        given().auth().oauth2(Tokens.leader(LI)).get("/api/v1/deadlines/" + anotherSignFor + "/explanation").then()
                .statusCode(404).contentType("application/problem+json");

        action(led, 71);
        action(another, 72);
        assertThat(given().auth().oauth2(Tokens.leader(LI)).get("/api/v1/supervision-actions").then().statusCode(200)
                .extract().jsonPath().getList("submissionId", Long.class)).containsOnly(led.submission);
        assertThat(given().auth().oauth2(Tokens.leader("钱副市长")).get("/api/v1/supervision-actions").then()
                .statusCode(200).extract().jsonPath().getList("submissionId")).isEmpty();
    }

    private static Workflow item(long unitId, boolean keyItem, String official) {
        Workflow item = Workflow.newItem();
        item.send("assigned", with(unit(newId(), unitId, "SOLE", "SUGGESTION", "CITY"), "keyItem", keyItem,
                "leadingOfficial", official, "assignedAt", "2025-03-03T02:00:00Z"));
        return item;
    }

    private static void explain(long unitId, long deadlineId) {
        given().auth().oauth2(Tokens.unitStaff(unitId)).contentType(ContentType.JSON)
                .body(Map.of("text", "联络员调整，交接期间未及时签收。")).put("/api/v1/deadlines/" + deadlineId + "/explanation")
                .then().statusCode(200);
    }

    private static void action(Workflow item, long unitId) {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of("submissionId",
                item.submission, "unitId", unitId, "kind", "REMINDER_CALL", "note", "电话催办签收", "takenOn", "2025-03-10"))
                .post("/api/v1/supervision-actions").then().statusCode(201);
    }
}
