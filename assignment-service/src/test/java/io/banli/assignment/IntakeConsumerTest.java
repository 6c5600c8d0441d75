package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.INTAKE_TOPIC;
import static io.banli.assignment.AssignmentFixtures.REGISTERED;
import static io.banli.assignment.AssignmentFixtures.awaitKnown;
import static io.banli.assignment.AssignmentFixtures.nextSubmissionId;
import static io.banli.assignment.AssignmentFixtures.registeredEvent;
import static io.banli.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntakeConsumerTest {

    static final String DEAD_LETTER = "banli.assignment.dead-letter";

    @Test
    void aRedeliveredEventChangesNothing() {
        long id = nextSubmissionId();
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.open(DEAD_LETTER)) {
            EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), eventId, REGISTERED, registeredEvent(id));
            awaitKnown(id);
            EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), eventId, REGISTERED, registeredEvent(id));
            // A marker behind the duplicate on the same partition: once it is in, the duplicate was consumed, and
            // had it failed, its dead letter was sent before the marker was applied.
            long marker = nextSubmissionId();
            EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), UUID.randomUUID().toString(), REGISTERED,
                    registeredEvent(marker));
            awaitKnown(marker);

            assertThat(deadLetters.present(r -> true))
                    .as("the duplicate was skipped, not failed").isEmpty();
            given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + id).then().statusCode(200);
        }
    }

    @Test
    void anUnprocessableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        long id = nextSubmissionId();
        try (TopicProbe deadLetters = TopicProbe.open(DEAD_LETTER)) {
            EventSender.raw(INTAKE_TOPIC, String.valueOf(id), "not a cloud event");
            EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), UUID.randomUUID().toString(), REGISTERED,
                    "{\"submissionId\": \"twelve\"}");

            ConsumerRecord<String, String> noHeaders = deadLetters.await(r -> "not a cloud event".equals(r.value()));
            assertThat(header(noHeaders, "dead-letter-reason")).contains("ce_id");
            ConsumerRecord<String, String> badData = deadLetters.await(r -> r.value().contains("twelve"));
            assertThat(header(badData, "dead-letter-reason")).contains("SubmissionRegistered");

            long next = nextSubmissionId();
            EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), UUID.randomUUID().toString(), REGISTERED,
                    registeredEvent(next));
            awaitKnown(next);
        }
    }
}
