package io.banli.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.supervision.deadline.SupervisionEvents.DeadlineWarningV1;
import io.banli.supervision.deadline.SupervisionEvents.OverdueV1;
import io.banli.testing.EventSender;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sweep builds its events' JSON in SQL: each must read exactly as the service's own JSON of the event record
 * would (the record's fields, in its order, with the same values and the same instant format).
 */
@QuarkusTest
class SweepEventShapeTest {

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void warningAndOverdueEventsReadAsTheirRecordsWouldBeWritten() throws Exception {
        long submission = DeadlineSupervisionTest.IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(DeadlineSupervisionTest.ALERTS)) {
            EventSender.cloudEvent(DeadlineSupervisionTest.WORKFLOW, String.valueOf(submission),
                    UUID.randomUUID().toString(), "banli.assignment.assigned.v1", """
                    {"submissionId": %d, "kind": "SUGGESTION", "assignmentId": %d, "unitId": 17, "unitName": "测试单位",
                     "mode": "SOLE", "role": "SOLE", "assignedAt": "%s"}""".formatted(submission,
                            DeadlineSupervisionTest.IDS.incrementAndGet(), clock.instant()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                    .queryParam("submissionId", submission).queryParam("stage", "REPLY").get("/api/v1/deadlines")
                    .then().body("[0].state", equalTo("OPEN")));

            clock.travel(Duration.ofDays(85));
            ConsumerRecord<String, String> warning = alerts.await(
                    TopicProbe.ofType(DeadlineSupervisionTest.WARNING, String.valueOf(submission)));
            clock.travel(Duration.ofDays(15));
            ConsumerRecord<String, String> overdue = alerts.await(
                    TopicProbe.ofType(DeadlineSupervisionTest.OVERDUE, String.valueOf(submission))
                            .and(r -> r.value().contains("\"REPLY\"")));

            assertReadsAs(warning.value(), DeadlineWarningV1.class);
            assertReadsAs(overdue.value(), OverdueV1.class);
            assertThat(mapper.readTree(overdue.value()).get("unitId").asLong()).isEqualTo(17);
        }
    }

    private void assertReadsAs(String json, Class<? extends Record> type) throws Exception {
        JsonNode sent = mapper.readTree(json);
        List<String> fields = new ArrayList<>();
        sent.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(type.getSimpleName() + " fields, in order")
                .containsExactlyElementsOf(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
        JsonNode written = mapper.readTree(mapper.writeValueAsString(mapper.readValue(json, type)));
        assertThat(sent).as(type.getSimpleName() + " values").isEqualTo(written);
    }
}
