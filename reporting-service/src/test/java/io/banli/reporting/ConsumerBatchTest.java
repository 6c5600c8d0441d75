package io.banli.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live consumer applies a poll's events in one transaction. An event it cannot use among them must not cost the
 * others: the batch is rolled back and applied again event by event, the unusable one alone goes to the dead-letter
 * topic, and every other event counts once. The item's events share a key, so they are sent and fetched together.
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
                    .body("replies.evaluated", equalTo(1)).body("replies.byClass.count", equalTo(java.util.List.of(1, 0, 0, 0))));
            assertThat(deadLetters.present(r -> String.valueOf(item.id).equals(r.key())))
                    .extracting(r -> TopicProbe.header(r, "ce_id")).containsExactly(unusable);
        }
    }
}
