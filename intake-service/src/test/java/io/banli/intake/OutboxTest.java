package io.banli.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.banli.kit.outbox.Outbox;
import io.banli.testing.PlatformTestResource;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.restassured.http.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** No dual writes: an event reaches Kafka if and only if the transaction that wrote it committed. */
@QuarkusTest
class OutboxTest {

    static final String TOPIC = "banli.intake.submissions";

    @Inject
    Outbox outbox;

    @Test
    void aCommittedChangeIsPublishedAndARolledBackOneIsNot() {
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(TOPIC, "banli.test.rolled-back.v1", "outbox-test", Map.of("n", 1));
                throw new IllegalStateException("the change failed after its event was written");
            })).isInstanceOf(IllegalStateException.class);
            QuarkusTransaction.requiringNew().run(
                    () -> outbox.publish(TOPIC, "banli.test.committed.v1", "outbox-test", Map.of("n", 2)));

            // The committed event (same key) is the marker: had the rolled-back one been sent, it came first.
            assertThat(topic.until(TopicProbe.ofType("banli.test.committed.v1", "outbox-test"),
                    TopicProbe.ofType("banli.test.rolled-back.v1"))).isEmpty();
        }
    }

    @Test
    void whileKafkaIsDownRegistrationsSucceedAndTheirEventsFollowWhenItReturns() {
        long session = IntakeFixtures.session("PEOPLES_CONGRESS");
        long deputy = IntakeFixtures.member("DEPUTY");
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            PlatformTestResource.stopKafka();
            int id;
            try {
                long started = System.nanoTime();
                id = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                        .body(IntakeFixtures.suggestion(session, deputy)).post("/api/v1/submissions")
                        .then().statusCode(201).extract().path("id");
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as("the request does not wait for Kafka").isLessThan(Duration.ofSeconds(3));
            } finally {
                PlatformTestResource.startKafka();
            }
            topic.await(TopicProbe.ofType("banli.intake.submission.registered.v1", String.valueOf(id)),
                    Duration.ofSeconds(90));
        }
    }
}
