package io.banli.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What the office types into a notice is printed as text; a number is neither a date nor a text. */
@QuarkusTest
class NoticeInputTest {

    static final String TITLE = "关于逾期情况的通报</title><script>alert(1)</script>\n"
            + "<img src=\"https://tracker.example/x.png\" onerror='x'>";

    @Test
    void markupInTheTitleIsPrintedAsTextAndLoadsNothing() {
        long id = ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("from", "1990-01-01", "to", "1990-01-31", "title", TITLE)).post("/api/v1/notices")
                .then().statusCode(201).extract().path("id")).longValue();

        String document = given().auth().oauth2(Tokens.office()).get("/api/v1/notices/" + id + "/document").then()
                .statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(document).doesNotContain("<script").doesNotContain("<img").doesNotContain("src=\"")
                .contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=&quot;https://tracker.example/x.png&quot; onerror=&#39;x&#39;&gt;");
        assertThat(document.split("</title>", -1)).as("the page's own title element only").hasSize(2);
    }

    @Test
    void aNumberWhereADateOrTextBelongsIsABadRequestNamingTheField() {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body("{\"from\": 20250101, \"to\": \"2025-01-31\"}").post("/api/v1/notices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("from")).body("violations[0].in", equalTo("body"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body("{\"from\": \"2025-01-01\", \"to\": \"2025-01-31\", \"title\": 5}").post("/api/v1/notices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body("{\"unitId\": 1, \"kind\": \"INTERVIEW\", \"note\": 123, \"takenOn\": \"2025-05-21\"}")
                .post("/api/v1/supervision-actions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("note"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body("{\"unitId\": 1, \"kind\": \"INTERVIEW\", \"note\": \"约谈\", \"takenOn\": 0}")
                .post("/api/v1/supervision-actions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("takenOn"));
    }
}
