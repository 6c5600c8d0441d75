package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What ops read on a dashboard: Prometheus scrapes /q/metrics without a token and finds the business
 * counters there, fed by real events going through the outbox to the real broker.
 */
@QuarkusTest
class MetricsTest {

    private static final Pattern FILED_OR_REGISTERED = Pattern.compile(
            "banli_events_published_total\\{[^}]*topic=\"banli.intake.submissions\"[^}]*"
                    + "type=\"banli\\.intake\\.submission\\.[a-z-]+\\.v1\"[^}]*} ([0-9.E]+)");

    @Test
    void aFiledSubmissionIsCountedByEventTypeOnceKafkaHasIt() {
        double before = publishedSubmissionEvents(scrape());

        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(suggestion(session("PEOPLES_CONGRESS"), member("DEPUTY")))
                .post("/api/v1/submissions").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(publishedSubmissionEvents(scrape())).as("events published on the intake topic")
                        .isGreaterThan(before));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(metrics).as("the relay caught up: nothing left in the outbox")
                    .contains("banli_outbox_backlog_events 0.0")
                    .contains("banli_outbox_oldest_pending_seconds 0.0");
            assertThat(metrics).as("the relay's safety-net run is timed, so a stopped scheduler shows")
                    .contains("scheduled_methods_seconds_count{");
            assertThat(metrics).as("the outbox producer's own client metrics")
                    .contains("kafka_producer_record_send_total");
        });
    }

    private static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Sum over the intake event types: the registration flow may announce more than one per filing. */
    private static double publishedSubmissionEvents(String metrics) {
        double sum = 0;
        Matcher m = FILED_OR_REGISTERED.matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
