package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A national session brings about 10,000 items: importing them must take seconds, not minutes. The test
 * ends when the relay has published the 10,000 filed events, so the tests after it start with an empty outbox.
 */
@QuarkusTest
class ImportBenchmarkTest {

    static final int ROWS = 10_000;

    @Inject
    EntityManager em;

    @Test
    void tenThousandRowsAreImportedInSecondsAndASecondRunSkipsThemAll() {
        long session = session("PEOPLES_CONGRESS");
        List<Long> deputies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            deputies.add(member("DEPUTY"));
        }
        String[] fields = {"ECONOMY_SCIENCE", "SOCIAL_LIVELIHOOD", "URBAN_CONSTRUCTION_TRANSPORT", "AGRICULTURE_RURAL",
                "POLITICS_LAW", "OTHER"};
        StringBuilder csv = new StringBuilder("externalRef,kind,title,body,field,leadProposerId,coSignerIds\n");
        for (int i = 1; i <= ROWS; i++) {
            long lead = deputies.get(i % deputies.size());
            long coSigner = deputies.get((i + 1) % deputies.size());
            csv.append("N-").append(i).append(",SUGGESTION,关于第").append(i).append("项民生实事推进落实的建议,")
                    .append("建议加大财政投入，完善第").append(i).append("项民生实事的配套政策，明确责任单位和完成时限，")
                    .append("定期向代表通报进展情况，接受社会监督。,").append(fields[i % fields.length]).append(',')
                    .append(lead).append(',').append(coSigner).append('\n');
        }

        long started = System.nanoTime();
        JsonPath report = ImportTest.importFile(session, "text/csv", csv.toString());
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Log.infof("Imported %d rows: %d ms in the service, %d ms from upload to report", ROWS,
                report.getLong("millis"), wall.toMillis());
        assertThat(report.getInt("accepted")).isEqualTo(ROWS);
        assertThat(report.getInt("rejected")).isZero();
        assertThat(wall).as("seconds, not minutes").isLessThan(Duration.ofSeconds(60));
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).queryParam("size", 1)
                .get("/api/v1/submissions").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(ROWS));

        long again = System.nanoTime();
        JsonPath rerun = ImportTest.importFile(session, "text/csv", csv.toString());
        Log.infof("Re-import of the same %d rows: %d ms, all skipped", ROWS,
                Duration.ofNanos(System.nanoTime() - again).toMillis());
        assertThat(rerun.getInt("skipped")).isEqualTo(ROWS);
        assertThat(rerun.getInt("accepted")).isZero();

        // Search over 10,000 items stays quick.
        long searched = System.nanoTime();
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).queryParam("q", "第9999项")
                .get("/api/v1/submissions").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
        Log.infof("Full-text search over %d items: %d ms", ROWS, Duration.ofNanos(System.nanoTime() - searched).toMillis());

        // Similar items when every title shares most of its bigrams with 9,999 others: the worst case.
        long item = given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).queryParam("q", "第5000项")
                .get("/api/v1/submissions").then().extract().jsonPath().getLong("items[0].id");
        long similar = System.nanoTime();
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + item + "/similar").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(10));
        Log.infof("Similar items of one among %d alike items: %d ms", ROWS,
                Duration.ofNanos(System.nanoTime() - similar).toMillis());

        // Every imported item is announced: the relay publishes the 10,000 filed events (and the tests after
        // this one find the outbox empty again).
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> unpublished() == 0);
        Log.infof("All %d filed events published %d s after the import started", ROWS,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private long unpublished() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
    }
}
