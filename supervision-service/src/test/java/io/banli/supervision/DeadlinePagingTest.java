package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The deadline list in pages, with the kit's paging links, and a platform kept out of it. */
@QuarkusTest
class DeadlinePagingTest {

    @Test
    void deadlinesComeInPagesThatLinkToEachOther() {
        Workflow item = Workflow.newItem();
        item.send("assigned", with(unit(newId(), 71, "SOLE", "SUGGESTION", "CITY"), "assignedAt",
                "2025-03-03T02:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .queryParam("submissionId", item.submission).get("/api/v1/deadlines")
                .then().statusCode(200).body("size()", greaterThanOrEqualTo(2)));
        int all = given().auth().oauth2(Tokens.office()).queryParam("submissionId", item.submission)
                .get("/api/v1/deadlines").then().extract().path("size()");

        Response first = given().auth().oauth2(Tokens.office()).queryParam("submissionId", item.submission)
                .queryParam("size", 1).get("/api/v1/deadlines");
        first.then().statusCode(200).body("size()", equalTo(1))
                .header("X-Total-Count", String.valueOf(all));
        assertThat(first.header("Link")).contains("rel=\"first\"", "rel=\"next\"", "rel=\"last\"")
                .containsPattern("[?&]page=" + (all - 1) + "[^>]*>; rel=\"last\"")
                .contains("submissionId=" + item.submission);
    }

    @Test
    void aPageTooLargeIsBadInput() {
        given().auth().oauth2(Tokens.office()).queryParam("size", 501).get("/api/v1/deadlines")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void platformsHaveNoScopeForSupervision() {
        // Supervision's readable-by-anyone calendar is not part of the integration API.
        given().auth().oauth2(Tokens.platform()).get("/api/v1/calendar/2025").then().statusCode(403)
                .body("type", equalTo("https://banli.dev/problems/insufficient-scope"));
    }
}
