package io.banli.reporting;

import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Seed 004 (a city government's 2020 report on CPPCC proposals) counted by hand: 436 proposals, 149
 * economy, 129 livelihood, 147 urban construction, 11 other; 230 solved or being solved, 198 within
 * three years, 8 for reference; all replied on time; 99.6 % satisfied. A session of that shape, fed
 * through the topics, must give the seed's figures with the seed's one-decimal rounding.
 */
@QuarkusTest
class SeedSessionTest {

    static EventStream seed004() {
        EventStream s = new EventStream();
        Instant assigned = Instant.now().minus(300, ChronoUnit.DAYS);
        Instant replied = assigned.plus(60, ChronoUnit.DAYS);
        String[] fields = new String[436];
        java.util.Arrays.fill(fields, 0, 149, "ECONOMY_SCIENCE");
        java.util.Arrays.fill(fields, 149, 278, "SOCIAL_LIVELIHOOD");
        java.util.Arrays.fill(fields, 278, 425, "URBAN_CONSTRUCTION_TRANSPORT");
        java.util.Arrays.fill(fields, 425, 436, "OTHER");
        for (int i = 0; i < 436; i++) {
            String resultClass = i < 230 ? "A" : i < 428 ? "B" : "D";
            long unit = 100 + i % 12;
            EventStream.Item item = s.registered("PROPOSAL", fields[i], i % 50 == 0, i % 97 == 0);
            if (i % 3 == 0) {
                item.joint(assigned, unit, unit + 1);
            } else {
                item.sole(unit, assigned);
            }
            item.contact(unit, "BEFORE", i % 2 == 0 ? "MEETING" : "PHONE", i % 2 == 0).replied(unit, resultClass, replied);
            // 250 proposers returned the form: 249 satisfied or basically satisfied, one not
            if (i < 250) {
                item.evaluated(unit, 1, 7, i == 0 ? "UNSATISFIED" : i % 5 == 0 ? "BASICALLY_SATISFIED" : "SATISFIED");
            }
        }
        return s.flush();
    }

    @Test
    void aSessionShapedLikeSeed004GivesItsFigures() {
        try (EventStream s = seed004()) {
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session, "decimals", 1), r -> r
                    .body("total", equalTo(436))
                    .body("byField.count", equalTo(List.of(149, 11, 129, 147)))
                    .body("byField.share", equalTo(List.of(34.2f, 2.5f, 29.6f, 33.7f)))
                    .body("replies.byClass.count", equalTo(List.of(230, 198, 0, 8)))
                    .body("replies.byClass.share", equalTo(List.of(52.8f, 45.4f, 0.0f, 1.8f)))
                    .body("replies.replyRate", equalTo(100.0f)).body("replies.onTimeRate", equalTo(100.0f))
                    .body("replies.evaluated", equalTo(250))
                    .body("replies.satisfactionRate", equalTo(99.6f)));
        }
    }
}
