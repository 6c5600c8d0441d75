package io.banli.supervision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;

/**
 * One submission's handling as assignment (and intake) announce it: builds each event from its producer's
 * published example with the fields a test names ({@link Contracts#data}), sends it as a CloudEvent keyed by
 * the submission, and reads back the submission's deadlines as the office sees them.
 */
final class Workflow {

    static final String TOPIC = "banli.assignment.workflow";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A unit that is assigned nothing in any test. */
    private static final long NO_PART = 999_999;

    final long submission;

    private Workflow(long submission) {
        this.submission = submission;
    }

    static Workflow newItem() {
        return new Workflow(DeadlineSupervisionTest.IDS.incrementAndGet());
    }

    static long newId() {
        return DeadlineSupervisionTest.IDS.incrementAndGet();
    }

    /** Sends {@code banli.assignment.<name>.v1} with these fields (and the submission id). */
    Workflow send(String name, Object... fields) {
        return sendTo(TOPIC, "banli.assignment." + name + ".v1", fields);
    }

    Workflow sendTo(String topic, String type, Object... fields) {
        EventSender.cloudEvent(topic, String.valueOf(submission), UUID.randomUUID().toString(), type,
                Contracts.data(type, fields(fields)));
        return this;
    }

    /**
     * Sends {@code banli.assignment.<name>.v1} with only these fields, not held to assignment's published
     * contract: an event its producer would not send today (an older shape, a broken one).
     */
    Workflow sendOffContract(String name, Object... fields) {
        try {
            EventSender.cloudEvent(TOPIC, String.valueOf(submission), UUID.randomUUID().toString(),
                    "banli.assignment." + name + ".v1", JSON.writeValueAsString(fields(fields)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    private Map<String, Object> fields(Object... fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("submissionId", submission);
        for (int i = 0; i < fields.length; i += 2) {
            data.put((String) fields[i], fields[i + 1]);
        }
        return data;
    }

    /** See {@link #consumed(long)}. */
    Workflow consumed() {
        consumed(submission);
        return this;
    }

    /**
     * Waits until the consumer has applied everything sent for the item so far, including events that change
     * nothing visible: a sign-for by a unit with no part in the item (it meets no deadline) is sent behind them
     * on the same partition, and its inbox entry, written with its effect, is awaited.
     */
    static void consumed(long submission) {
        String id = UUID.randomUUID().toString();
        EventSender.cloudEvent(TOPIC, String.valueOf(submission), id, "banli.assignment.signed.v1",
                "{\"submissionId\": %d, \"unitId\": %d, \"signedAt\": \"2025-03-03T02:00:00Z\"}"
                        .formatted(submission, NO_PART));
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> !em
                .createNativeQuery("select 1 from inbox_event where event_id = :id").setParameter("id", id)
                .getResultList().isEmpty()));
    }

    /** What assigned, pre-assigned and rehandling-started say about the item and the unit. */
    static Object[] unit(long assignmentId, long unitId, String role, String kind, String level) {
        return new Object[] {"assignmentId", assignmentId, "unitId", unitId, "unitName", "测试单位" + unitId,
                "mode", "SOLE", "role", role, "kind", kind, "level", level, "sessionId", 1, "keyItem", false,
                "leadingOfficial", null};
    }

    static Object[] with(Object[] fields, Object... more) {
        Object[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }

    ValidatableResponse deadlines(String stage) {
        return given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission)
                .queryParam("stage", stage).get("/api/v1/deadlines").then().statusCode(200);
    }

    /** Waits until the submission's first deadline of the stage is in the state. */
    ValidatableResponse awaitDeadline(String stage, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deadlines(stage).body("[0].state", equalTo(state)));
        return deadlines(stage);
    }

    ValidatableResponse reminders() {
        return given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission).get("/api/v1/reminders")
                .then().statusCode(200);
    }
}
