package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A leader reads the same aggregate figures as the office, but lists of items (the annual report's key
 * items, the item export) hold only the key items they lead.
 */
@QuarkusTest
class LeaderListsTest {

    static final String MINE = "关于赵副市长领衔事项的建议";
    static final String OTHERS = "关于钱副市长领衔事项的建议";
    static final String ORDINARY = "关于一般事项的建议";

    @Test
    void aLeaderListsOnlyTheKeyItemsTheyLead() {
        long session;
        try (EventStream s = new EventStream()) {
            session = s.session;
            Instant at = Instant.parse("2025-02-10T02:00:00Z");
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", MINE, "赵副市长").sole(41, at);
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", OTHERS, "钱副市长").sole(42, at);
            s.registered("SUGGESTION", "SOCIAL_LIVELIHOOD", ORDINARY, null).sole(43, at);
        }
        StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", session), r -> r
                .body("total", equalTo(3)));
        String leader = Tokens.leader("赵副市长");

        given().auth().oauth2(leader).queryParam("sessionId", session).get("/api/v1/statistics").then()
                .statusCode(200).body("total", equalTo(3)).body("keyItems", equalTo(2));

        assertThat(items(leader, session)).contains(MINE).doesNotContain(OTHERS).doesNotContain(ORDINARY);
        assertThat(items(Tokens.office(), session)).contains(MINE, OTHERS, ORDINARY);
        assertThat(items(Tokens.leader(), session).lines().count()).as("a leader's token without a name: the header")
                .isEqualTo(1);

        String report = given().auth().oauth2(leader).queryParam("sessionId", session).get("/api/v1/reports/annual")
                .then().statusCode(200).extract().asString();
        assertThat(report).contains("重点建议提案2件").contains(MINE).doesNotContain(OTHERS);
    }

    private static String items(String token, long session) {
        return given().auth().oauth2(token).queryParam("sessionId", session).get("/api/v1/exports/items").then()
                .statusCode(200).extract().asString();
    }
}
