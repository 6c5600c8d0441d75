package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.registered;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/** A unit reads only the submissions assignment has assigned to it; intake learns that from assignment's events. */
@QuarkusTest
class UnitAccessTest {

    static final String WORKFLOW = "banli.assignment.workflow";

    /** Assignment's assigned event as it publishes it, for this submission and unit. */
    static String assigned(long submission, long unit) {
        return Contracts.data("banli.assignment.assigned.v1", "submissionId", submission, "unitId", unit,
                "unitName", "市教育局", "mode", "SOLE", "role", "SOLE", "assignedAt", "2025-02-01T02:00:00Z");
    }

    @Test
    void aUnitReadsWhatIsAssignedToItAndNothingElse() {
        long session = session("PEOPLES_CONGRESS");
        long mine = registered(session, member("DEPUTY"));
        long notMine = registered(session, member("DEPUTY"));
        long unit = 9_100 + (mine % 1000);
        given().auth().oauth2(Tokens.unitStaff(unit)).get("/api/v1/submissions/" + mine).then().statusCode(404);

        String eventId = UUID.randomUUID().toString();
        String assigned = assigned(mine, unit);
        EventSender.cloudEvent(WORKFLOW, String.valueOf(mine), eventId, "banli.assignment.assigned.v1", assigned);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.unitStaff(unit)).get("/api/v1/submissions/" + mine).then().statusCode(200));
        given().auth().oauth2(Tokens.unitHead(unit)).get("/api/v1/submissions/" + mine).then().statusCode(200);
        given().auth().oauth2(Tokens.unitStaff(unit)).get("/api/v1/submissions/" + notMine).then().statusCode(404);
        given().auth().oauth2(Tokens.unitStaff(unit + 1)).get("/api/v1/submissions/" + mine).then().statusCode(404);
        given().auth().oauth2(Tokens.unitHead(unit)).queryParam("sessionId", session).get("/api/v1/submissions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) mine));
        // The office finds it by the unit's name.
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", session).queryParam("unit", "教育局")
                .get("/api/v1/submissions").then().body("total", equalTo(1));

        // The same event delivered again changes nothing; a record that is not a CloudEvent goes to the
        // dead-letter topic and the consumer keeps going.
        try (TopicProbe deadLetters = TopicProbe.open("banli.intake.dead-letter")) {
            EventSender.cloudEvent(WORKFLOW, String.valueOf(mine), eventId, "banli.assignment.assigned.v1", assigned);
            EventSender.raw(WORKFLOW, String.valueOf(mine), "not an event");
            ConsumerRecord<String, String> dead = deadLetters.await(r -> "not an event".equals(r.value()));
            assertThat(TopicProbe.header(dead, "dead-letter-reason")).contains("not a CloudEvent");
        }
        long later = registered(session, member("DEPUTY"));
        EventSender.cloudEvent(WORKFLOW, String.valueOf(later), UUID.randomUUID().toString(),
                "banli.assignment.assigned.v1", assigned(later, unit));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.unitStaff(unit)).get("/api/v1/submissions/" + later).then().statusCode(200));
    }
}
