package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.banli.testing.DatabaseOutage;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live consumer applies a poll's events in one transaction. An event it cannot use among them must not cost the
 * others: the batch is rolled back and applied again event by event, the unusable one alone goes to the dead-letter
 * topic, and every other event counts once. A database that refuses connections costs time, never an event: the
 * batch is retried whole. An item's events share a key, so they are sent and fetched together.
 */
@QuarkusTest
class ConsumerBatchTest {

    static final long UNIT = 91;

    @Test
    void anUnusableEventAmongAPollsEventsIsDeadLetteredAloneAndTheOthersCountOnce() {
        Instant t0 = LocalDate.now(StatisticsTest.ZONE).minusDays(30).atTime(10, 0).atZone(StatisticsTest.ZONE)
                .toInstant();
        try (TopicProbe deadLetters = TopicProbe.open("banli.reporting.dead-letter");
                EventStream s = new EventStream()) {
            EventStream.Item item = s.registered("SUGGESTION", "OTHER").sole(UNIT, t0);
            String unusable = item.unusable(EventStream.WORKFLOW, "banli.assignment.assigned.v1");
            item.replied(UNIT, "A", StatisticsTest.days(t0, 10)).evaluated(UNIT, 1, 7, "SATISFIED");
            s.flush();

            assertThat(TopicProbe.header(deadLetters.await(r -> unusable.equals(TopicProbe.header(r, "ce_id"))),
                    "dead-letter-reason")).contains("unitId");
            // The rating came after the unusable event in the same partition: once it counts, every event before it
            // was applied or dead-lettered, each once.
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(1)).body("itemsAssigned", equalTo(1)).body("itemsReplied", equalTo(1))
                    .body("replies.assigned", equalTo(1)).body("replies.replied", equalTo(1))
                    .body("replies.evaluated", equalTo(1))
                    .body("replies.byClass.count", equalTo(List.of(1, 0, 0, 0))));
            assertThat(deadLetters.present(r -> String.valueOf(item.id).equals(r.key())))
                    .extracting(r -> TopicProbe.header(r, "ce_id")).containsExactly(unusable);
        }
    }

    @Test
    void aPollArrivingWhileTheDatabaseRefusesConnectionsIsAppliedWholeOnceItIsBack() {
        Instant t0 = LocalDate.now(StatisticsTest.ZONE).minusDays(30).atTime(10, 0).atZone(StatisticsTest.ZONE)
                .toInstant();
        double retriesBefore = retries();
        try (TopicProbe deadLetters = TopicProbe.open("banli.reporting.dead-letter");
                EventStream s = new EventStream()) {
            EventStream.Item item;
            try (DatabaseOutage outage = DatabaseOutage.begin(
                    ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
                item = s.registered("SUGGESTION", "OTHER").sole(UNIT, t0)
                        .replied(UNIT, "B", StatisticsTest.days(t0, 5));
                s.flush();
                // The batch is retried, not split or dead-lettered: the consumer shows as stalled, the pod not ready.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                        .statusCode(503).body("checks.find { it.name == 'Event consumers' }.data.events",
                                containsString("stalled")));
                await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 3);
            }
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(1)).body("itemsAssigned", equalTo(1)).body("itemsReplied", equalTo(1))
                    .body("replies.byClass.count", equalTo(List.of(0, 1, 0, 0))));
            assertThat(deadLetters.present(r -> String.valueOf(item.id).equals(r.key()))).isEmpty();
        }
    }

    private static double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("banli_consumer_retries_total{") && l.contains(
                "channel=\"events\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
