package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.supervision.rule.Stage;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What people read (issue 14): a reminder and a notice name the item by its number in its session (第N号), the
 * unit by name, the stage in Chinese and days as 2025年3月6日; never a database id, a stage code or an ISO date.
 * Assigned Monday 3 March 2025 at 10:00 Beijing time; the sign-for was due at the end of Thursday 6 March.
 */
@QuarkusTest
class TextsForPeopleTest {

    private static final int UNIT = 77;
    private static final String UNIT_NAME = "市民政局";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aReminderAndANoticeNameTheItemBySessionNumberAndNeverByDatabaseId() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        long commitment = newId();
        // A number unlike any id of the test: a text that printed an id would not contain it by chance.
        int number = (int) (item.submission % 900) + 17;
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("liaison", Map.of("name", "联络员", "email", "liaison77@unit.example")))
                .put("/api/v1/unit-contacts/" + UNIT).then().statusCode(200);
        clock.travelTo(Instant.parse("2025-03-10T02:00:00Z"));
        item.send("assigned", with(unit(assignment, UNIT, "SOLE", "SUGGESTION", "CITY"), "unitName", UNIT_NAME,
                "submissionNumber", number, "assignedAt", "2025-03-03T02:00:00Z"));
        long signFor = item.awaitDeadline("SIGN_FOR", "OVERDUE").extract().<Number>path("[0].id").longValue();

        // The overdue sign-for's reminder.
        await().atMost(Duration.ofSeconds(30)).until(() -> !messages(signFor).isEmpty());
        for (String message : messages(signFor)) {
            assertThat(message).contains("第" + number + "号", "签收", "2025年3月6日");
            assertHasNoIdCodeOrIsoDate(message, item.submission, signFor);
        }

        // Signed late, replied with a promise it then misses: both are named in the month's notice.
        item.send("signed", "assignmentId", assignment, "unitId", UNIT, "signedAt", "2025-03-10T02:00:00Z");
        item.send("replied", "assignmentId", assignment, "unitId", UNIT, "replyId", newId(), "version", 1, "round", 1,
                "resultClass", "B", "disclosure", "PUBLIC", "commitments",
                List.of(Map.of("commitmentId", commitment, "promisedOn", "2025-03-14")), "recipientIds", List.of(1),
                "repliedAt", "2025-03-11T02:00:00Z");
        item.awaitDeadline("SIGN_FOR", "MET");
        clock.travelTo(Instant.parse("2025-03-20T02:00:00Z"));
        long promise = item.awaitDeadline("COMMITMENT", "OVERDUE").extract().<Number>path("[0].id").longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !messages(promise).isEmpty());
        for (String message : messages(promise)) {
            assertThat(message).contains("第" + number + "号", "承诺事项", "2025年3月14日");
            assertHasNoIdCodeOrIsoDate(message, item.submission, promise);
        }

        long notice = ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("from", "2025-03-01", "to", "2025-03-31")).post("/api/v1/notices").then()
                .statusCode(201).extract().path("id")).longValue();
        String title = given().auth().oauth2(Tokens.office()).get("/api/v1/notices/" + notice).then().statusCode(200)
                .extract().path("title");
        assertThat(title).isEqualTo("关于2025年3月1日至2025年3月31日建议提案办理逾期情况的通报");
        String document = given().auth().oauth2(Tokens.unitStaff(UNIT)).get("/api/v1/notices/" + notice + "/document")
                .then().statusCode(200).extract().asString();
        String ours = rowsOf(document, UNIT_NAME);
        assertThat(ours).contains("第" + number + "号", "签收", "承诺事项", "2025年3月6日", "2025年3月14日");
        assertThat(document).contains("2025年3月1日至2025年3月31日期间");
        assertHasNoIdCodeOrIsoDate(document, item.submission, signFor);
        assertThat(ours).doesNotContain("<td>" + signFor + "</td>", "<td>" + promise + "</td>",
                "<td>" + assignment + "</td>");
    }

    private static void assertHasNoIdCodeOrIsoDate(String text, long submission, long deadline) {
        assertThat(text).doesNotContain(String.valueOf(submission), "第" + deadline + "号")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        Arrays.stream(Stage.values()).forEach(stage -> assertThat(text).doesNotContain(stage.name()));
    }

    /** The notice's table rows of the unit: other tests' units may be late in the same month. */
    private static String rowsOf(String document, String unitName) {
        StringBuilder rows = new StringBuilder();
        for (String row : document.split("<tr>")) {
            if (row.startsWith("<td>" + unitName + "</td>")) {
                rows.append(row);
            }
        }
        assertThat(rows).as("rows of " + unitName).isNotEmpty();
        return rows.toString();
    }

    @SuppressWarnings("unchecked")
    private List<String> messages(long deadline) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select message from reminder where deadline_id = :deadline").setParameter("deadline", deadline)
                .getResultList());
    }
}
