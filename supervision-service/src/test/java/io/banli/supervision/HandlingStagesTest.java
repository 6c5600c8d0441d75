package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.banli.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The stages around the reply, driven by the events of the README's catalogue: the adjustment window
 * after pre-assignment, the office's extension decision, the proposer's evaluation window, commitments
 * and the yearly progress of B-class items, returned replies, and withdrawal. Every item is assigned on
 * Monday 3 March 2025 at 10:00 Beijing time, and the clock starts an hour later.
 */
@QuarkusTest
class HandlingStagesTest {

    static final String ALERTS = "banli.supervision.alerts";
    static final String EXPIRED = "banli.supervision.deadline-expired.v1";
    static final String OVERDUE = "banli.supervision.overdue.v1";
    static final String WARNING = "banli.supervision.deadline-warning.v1";
    static final String RECOMPUTED = "banli.supervision.deadline-recomputed.v1";
    static final String MONDAY = "2025-03-03T02:00:00Z";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @BeforeEach
    void mondayMorning() {
        clock.travelTo(Instant.parse("2025-03-03T03:00:00Z"));
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void anUnusedAdjustmentWindowExpiresWithoutOverdueOrReminders() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            item.send("pre-assigned", with(unit(assignment, 41, "SOLE", "SUGGESTION", "CITY"), "preAssignedAt", MONDAY));
            // Five working days from Monday: Friday 7 March is the fourth, Monday 10 March the fifth.
            item.awaitDeadline("ADJUSTMENT_REQUEST", "OPEN").body("[0].dueAt", equalTo("2025-03-10T15:59:59.999999Z"))
                    .body("[0].level", equalTo("CITY"));

            clock.travelTo(Instant.parse("2025-03-11T02:00:00Z"));
            JsonPath expired = JsonPath.from(alerts.await(stage(EXPIRED, item, "ADJUSTMENT_REQUEST")).value());
            assertThat(expired.getLong("assignmentId")).isEqualTo(assignment);
            assertThat(expired.getString("dueAt")).isEqualTo("2025-03-10T15:59:59.999999Z");
            item.awaitDeadline("ADJUSTMENT_REQUEST", "EXPIRED").body("[0].light", nullValue());
            Predicate<ConsumerRecord<String, String>> swept = SweepMarker.afterSweeps(ALERTS, item.submission);
            assertThat(alerts.until(swept, TopicProbe.ofType(OVERDUE, key(item)))).isEmpty();
            assertThat(alerts.until(swept, TopicProbe.ofType(EXPIRED, key(item)))).as("once").hasSize(1);
        }
        item.reminders().body("", hasSize(0));
        assertThat(audited("deadline.expired", item)).isEqualTo(1);
    }

    @Test
    void anAdjustmentRequestMeetsTheWindowOpensTheOfficesDecisionAndAFormalAssignmentLeavesTheWindowRunning() {
        Workflow item = Workflow.newItem();
        long asking = newId();
        long accepting = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            item.send("pre-assigned", with(unit(asking, 42, "LEAD", "PROPOSAL", "CITY"), "preAssignedAt", MONDAY));
            item.send("pre-assigned", with(unit(accepting, 43, "CO", "PROPOSAL", "CITY"), "preAssignedAt", MONDAY));
            item.send("adjustment-requested", "assignmentId", asking, "unitId", 42, "reason", "不属于本单位职责",
                    "requestedAt", "2025-03-04T02:00:00Z");
            // 调整审核: five working days from Tuesday 4 March for the office.
            item.awaitDeadline("ADJUSTMENT_DECISION", "OPEN").body("[0].unitId", equalTo(42))
                    .body("[0].dueAt", equalTo("2025-03-11T15:59:59.999999Z"));
            item.send("assigned", with(unit(accepting, 43, "CO", "PROPOSAL", "CITY"), "assignedAt",
                    "2025-03-05T02:00:00Z"));
            item.send("adjustment-decided", "assignmentId", asking, "unitId", 42, "decision", "KEPT",
                    "reason", "职责相关", "decidedAt", "2025-03-06T02:00:00Z");
            item.awaitDeadline("ADJUSTMENT_DECISION", "MET").body("[0].metOnTime", equalTo(true));
            // The window counts from the pre-assignment: the formal assignment neither ends nor restarts it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("ADJUSTMENT_REQUEST")
                    .body("", hasSize(2))
                    .body("find { it.unitId == 42 }.state", equalTo("MET"))
                    .body("find { it.unitId == 42 }.metOnTime", equalTo(true))
                    .body("find { it.unitId == 43 }.state", equalTo("OPEN"))
                    .body("find { it.unitId == 43 }.dueAt", equalTo("2025-03-10T15:59:59.999999Z")));
            item.awaitDeadline("CO_OPINION", "OPEN");

            clock.travelTo(Instant.parse("2025-03-12T02:00:00Z"));
            item.awaitDeadline("SIGN_FOR", "OVERDUE");
            JsonPath expired = JsonPath.from(alerts.await(stage(EXPIRED, item, "ADJUSTMENT_REQUEST")).value());
            assertThat(expired.getLong("unitId")).isEqualTo(43);
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, item.submission),
                    TopicProbe.ofType(EXPIRED, key(item)))).as("only the unused window").hasSize(1);
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, item.submission),
                    stage(OVERDUE, item, "ADJUSTMENT_DECISION"))).as("decided in time").isEmpty();
        }
    }

    @Test
    void anAdjustmentAfterADirectAssignmentHoldsTheOfficeToItsDecisionAndMovesTheClocksToTheNewUnit() {
        Workflow item = Workflow.newItem();
        long first = newId();
        long moved = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            // A direct assignment: the window opens with it, beside the sign-for and the reply.
            assigned(item, first, 48);
            item.awaitDeadline("ADJUSTMENT_REQUEST", "OPEN").body("[0].dueAt", equalTo("2025-03-10T15:59:59.999999Z"));
            item.send("signed", "assignmentId", first, "unitId", 48, "signedAt", MONDAY);
            item.send("adjustment-requested", "assignmentId", first, "unitId", 48, "reason", "不属于本单位职责",
                    "requestedAt", "2025-03-05T02:00:00Z");
            item.awaitDeadline("ADJUSTMENT_REQUEST", "MET").body("[0].metOnTime", equalTo(true));
            long decision = item.awaitDeadline("ADJUSTMENT_DECISION", "OPEN")
                    .body("[0].dueAt", equalTo("2025-03-12T15:59:59.999999Z")).extract().<Number>path("[0].id")
                    .longValue();

            // The office lets its deadline pass: warned a working day before, then overdue, but its own, not the
            // unit's.
            clock.travelTo(Instant.parse("2025-03-12T02:00:00Z"));
            JsonPath warned = JsonPath.from(alerts.await(stage(WARNING, item, "ADJUSTMENT_DECISION")).value());
            assertThat(warned.getInt("workingDaysLeft")).isEqualTo(1);
            clock.travelTo(Instant.parse("2025-03-13T02:00:00Z"));
            alerts.await(stage(OVERDUE, item, "ADJUSTMENT_DECISION"));
            item.awaitDeadline("ADJUSTMENT_DECISION", "OVERDUE");
            item.reminders().body("findAll { it.deadlineId == " + decision + " }", hasSize(0));
            given().auth().oauth2(Tokens.unitStaff(48)).contentType(ContentType.JSON)
                    .body(Map.of("text", "调整审核超期")).put("/api/v1/deadlines/" + decision + "/explanation")
                    .then().statusCode(409).contentType("application/problem+json");

            // Moved to unit 49, formally assigned at once: 48 owes nothing more, 49's clocks start now.
            item.send("adjustment-decided", "assignmentId", first, "unitId", 48, "decision", "REASSIGNED",
                    "newUnitId", 49, "newAssignmentId", moved, "reason", "同意调整", "decidedAt",
                    "2025-03-13T02:00:00Z");
            item.send("assigned", with(unit(moved, 49, "SOLE", "SUGGESTION", "CITY"), "assignedAt",
                    "2025-03-13T02:00:00Z"));
            item.awaitDeadline("ADJUSTMENT_DECISION", "MET").body("[0].metOnTime", equalTo(false));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("REPLY")
                    .body("find { it.unitId == 48 }.state", equalTo("CLOSED"))
                    .body("find { it.unitId == 49 }.state", equalTo("OPEN"))
                    .body("find { it.unitId == 49 }.dueAt", equalTo("2025-06-13T15:59:59.999999Z")));
            item.deadlines("SIGN_FOR").body("find { it.unitId == 48 }.state", equalTo("MET"))
                    .body("find { it.unitId == 49 }.state", equalTo("OPEN"));
            item.deadlines("ADJUSTMENT_REQUEST").body("find { it.unitId == 49 }.state", equalTo("OPEN"));
        }
        // Only the office was late: no notice names unit 48 for it.
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("from", "2025-03-10", "to", "2025-03-13")).post("/api/v1/notices").then()
                .statusCode(201).body("content.lateUnits.unitId", not(hasItem(48)));
    }

    @Test
    void theOfficeDecidesAnExtensionAndTheReplyMovesToTheApprovedDate() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(item, assignment, 45);
            clock.travelTo(Instant.parse("2025-05-20T02:00:00Z"));
            item.send("extension-requested", "assignmentId", assignment, "unitId", 45, "requestedUntil", "2025-07-31",
                    "requestedAt", "2025-05-20T02:00:00Z");
            // Five working days from Tuesday 20 May.
            item.awaitDeadline("EXTENSION", "OPEN").body("[0].dueAt", equalTo("2025-05-27T15:59:59.999999Z"));

            item.send("extension-decided", "assignmentId", assignment, "unitId", 45, "approved", true,
                    "until", "2025-07-31", "decidedAt", "2025-05-22T02:00:00Z");
            item.awaitDeadline("EXTENSION", "MET").body("[0].metOnTime", equalTo(true));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("REPLY")
                    .body("[0].extended", equalTo(true)).body("[0].dueAt", equalTo("2025-07-31T15:59:59.999999Z")));
            JsonPath moved = JsonPath.from(alerts.await(stage(RECOMPUTED, item, "REPLY")).value());
            assertThat(moved.getString("previousDueAt")).isEqualTo("2025-06-03T15:59:59.999999Z");
            assertThat(moved.getString("reason")).contains("2025-07-31");
        }
    }

    @Test
    void aLateExtensionDecisionIsTheOfficesOverdueAndAnExtensionNeverPassesSixMonths() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(item, assignment, 46);
            clock.travelTo(Instant.parse("2025-05-20T02:00:00Z"));
            item.send("extension-requested", "assignmentId", assignment, "unitId", 46, "requestedUntil", "2025-12-31",
                    "requestedAt", "2025-05-20T02:00:00Z");
            long extension = item.awaitDeadline("EXTENSION", "OPEN").extract().<Number>path("[0].id").longValue();

            clock.travelTo(Instant.parse("2025-05-28T02:00:00Z"));
            alerts.await(stage(OVERDUE, item, "EXTENSION"));
            item.awaitDeadline("EXTENSION", "OVERDUE");
            // The office is late, not the unit: no reminder to the unit, nothing for it to explain.
            item.reminders().body("findAll { it.deadlineId == " + extension + " }", hasSize(0));
            given().auth().oauth2(Tokens.unitStaff(46)).contentType(ContentType.JSON)
                    .body(Map.of("text", "延期审批超期")).put("/api/v1/deadlines/" + extension + "/explanation")
                    .then().statusCode(409).contentType("application/problem+json");

            item.send("extension-decided", "assignmentId", assignment, "unitId", 46, "approved", true,
                    "until", "2025-12-31", "decidedAt", "2025-05-29T02:00:00Z");
            item.awaitDeadline("EXTENSION", "MET").body("[0].metOnTime", equalTo(false));
            // Only the office was late in that week: no explanation is owed and no notice names the unit.
            given().auth().oauth2(Tokens.office()).queryParam("submissionId", item.submission)
                    .queryParam("explanationMissing", true).get("/api/v1/deadlines").then().statusCode(200)
                    .body("stage", not(hasItem("EXTENSION")));
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(Map.of("from", "2025-05-26", "to", "2025-05-28")).post("/api/v1/notices").then()
                    .statusCode(201).body("content.lateUnits.unitId", not(hasItem(46)))
                    .body("content.ranking.unitId", not(hasItem(46)));
            // Assigned 3 March: six months end on Wednesday 3 September, whatever date was asked for.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("REPLY")
                    .body("[0].extended", equalTo(true)).body("[0].dueAt", equalTo("2025-09-03T15:59:59.999999Z")));
        }
    }

    @Test
    void aReplyOpensTheEvaluationWindowAndADeadlinePerCommitment() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        long soon = newId();
        long later = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(item, assignment, 47);
            item.send("signed", "assignmentId", assignment, "unitId", 47, "signedAt", MONDAY);
            clock.travelTo(Instant.parse("2025-04-01T03:00:00Z"));
            // No reply-submitted event came (late or lost): the reply that reached the proposer meets the deadline.
            replied(item, assignment, 47, "2025-04-01T02:00:00Z", List.of(
                    Map.of("commitmentId", soon, "promisedOn", "2025-06-30"),
                    Map.of("commitmentId", later, "promisedOn", "2025-12-31")));
            item.awaitDeadline("REPLY", "MET").body("[0].metOnTime", equalTo(true));
            // 1 April + 1 month = 1 May, Labour Day: the window closes at the end of Tuesday 6 May.
            item.awaitDeadline("EVALUATION", "OPEN").body("[0].dueAt", equalTo("2025-05-06T15:59:59.999999Z"));
            item.deadlines("COMMITMENT").body("", hasSize(2))
                    .body("find { it.commitmentId == " + soon + " }.dueAt", equalTo("2025-06-30T15:59:59.999999Z"))
                    .body("find { it.commitmentId == " + later + " }.dueAt", equalTo("2025-12-31T15:59:59.999999Z"));

            // The office corrects the reply: version 2 promises the first commitment a month later.
            item.send("replied", "assignmentId", assignment, "unitId", 47, "replyId", newId(), "version", 2, "round", 1,
                    "resultClass", "B", "commitments", List.of(Map.of("commitmentId", soon, "promisedOn", "2025-07-31"),
                            Map.of("commitmentId", later, "promisedOn", "2025-12-31")), "repliedAt", "2025-04-02T02:00:00Z");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("COMMITMENT").body("", hasSize(2))
                    .body("find { it.commitmentId == " + soon + " }.dueAt", equalTo("2025-07-31T15:59:59.999999Z")));
            item.deadlines("EVALUATION").body("", hasSize(1));

            // A co-signer rates first: the window is every signed member's, so it stays open (issue 14).
            item.send("evaluated", "assignmentId", assignment, "unitId", 47, "replyId", 1, "round", 1, "memberId", 2,
                    "rating", "BASICALLY_SATISFIED", "evaluatedAt", "2025-04-08T02:00:00Z", "complete", false).consumed();
            item.deadlines("EVALUATION").body("[0].state", equalTo("OPEN"));
            // The last member asked rates: the round's evaluation is complete.
            item.send("evaluated", "assignmentId", assignment, "unitId", 47, "replyId", 1, "round", 1, "memberId", 1,
                    "rating", "SATISFIED", "evaluatedAt", "2025-04-10T02:00:00Z", "complete", true);
            item.awaitDeadline("EVALUATION", "MET").body("[0].metOnTime", equalTo(true));
            item.send("commitment-progressed", "assignmentId", assignment, "unitId", 47, "commitmentId", soon,
                    "percent", 100, "fulfilled", true, "progressedOn", "2025-06-20", "recordedAt", "2025-06-20T02:00:00Z");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("COMMITMENT")
                    .body("find { it.commitmentId == " + soon + " }.state", equalTo("MET")));

            clock.travelTo(Instant.parse("2026-01-05T02:00:00Z"));
            JsonPath overdue = JsonPath.from(alerts.await(stage(OVERDUE, item, "COMMITMENT")).value());
            long missed = item.deadlines("COMMITMENT").extract()
                    .<Number>path("find { it.commitmentId == " + later + " }.id").longValue();
            assertThat(overdue.getLong("deadlineId")).isEqualTo(missed);
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, item.submission),
                    stage(OVERDUE, item, "COMMITMENT"))).hasSize(1);
            // A broken promise is the unit's: it is reminded.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.reminders()
                    .body("deadlineId", hasItem((int) missed)));
        }
    }

    @Test
    void anUnusedEvaluationWindowExpiresAndALateSubmittedEventChangesNothing() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(item, assignment, 48);
            replied(item, assignment, 48, "2025-03-20T02:00:00Z", List.of());
            item.awaitDeadline("EVALUATION", "OPEN");
            item.awaitDeadline("REPLY", "MET");
            item.send("reply-submitted", "assignmentId", assignment, "unitId", 48, "replyId", 1, "round", 1,
                    "submittedAt", "2025-03-18T02:00:00Z").consumed();

            // 20 March + 1 month = Sunday 20 April: the window closes at the end of Monday 21 April.
            clock.travelTo(Instant.parse("2025-04-22T02:00:00Z"));
            alerts.await(stage(EXPIRED, item, "EVALUATION"));
            item.awaitDeadline("EVALUATION", "EXPIRED");
            Predicate<ConsumerRecord<String, String>> swept = SweepMarker.afterSweeps(ALERTS, item.submission);
            assertThat(alerts.until(swept, stage("banli.supervision.deadline-met.v1", item, "REPLY")))
                    .as("met once, by the reply").hasSize(1);
            assertThat(alerts.until(swept, stage(OVERDUE, item, "EVALUATION"))).isEmpty();
        }
    }

    @Test
    void aReturnedReplyIsOwedAgainWithoutRaisingAnAlertTwice() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(item, assignment, 49);
            item.send("signed", "assignmentId", assignment, "unitId", 49, "signedAt", MONDAY);
            // Due Tuesday 3 June; seven working days before is Thursday 22 May.
            clock.travelTo(Instant.parse("2025-05-26T02:00:00Z"));
            alerts.await(stage(WARNING, item, "REPLY"));
            item.send("reply-submitted", "assignmentId", assignment, "unitId", 49, "replyId", 1, "round", 1,
                    "submittedAt", "2025-05-26T03:00:00Z");
            item.awaitDeadline("REPLY", "MET");

            item.send("reply-returned", "assignmentId", assignment, "unitId", 49, "replyId", 1,
                    "reason", "答复内容未回应代表关切", "returnedAt", "2025-05-27T02:00:00Z");
            item.awaitDeadline("REPLY", "OPEN").body("[0].light", equalTo("YELLOW")).body("[0].metAt", nullValue());

            clock.travelTo(Instant.parse("2025-06-04T02:00:00Z"));
            alerts.await(stage(OVERDUE, item, "REPLY"));
            item.send("reply-submitted", "assignmentId", assignment, "unitId", 49, "replyId", 2, "round", 1,
                    "submittedAt", "2025-06-05T02:00:00Z");
            item.awaitDeadline("REPLY", "MET").body("[0].metOnTime", equalTo(false));
            item.send("reply-returned", "assignmentId", assignment, "unitId", 49, "replyId", 2,
                    "reason", "仍未回应", "returnedAt", "2025-06-06T02:00:00Z");
            item.awaitDeadline("REPLY", "OVERDUE").body("[0].light", equalTo("RED"));

            Predicate<ConsumerRecord<String, String>> swept = SweepMarker.afterSweeps(ALERTS, item.submission);
            assertThat(alerts.until(swept, stage(OVERDUE, item, "REPLY"))).as("red once").hasSize(1);
            assertThat(alerts.until(swept, stage(WARNING, item, "REPLY")))
                    .extracting(r -> JsonPath.from(r.value()).getInt("workingDaysLeft")).as("7 days once").containsOnlyOnce(7);
        }
        assertThat(audited("deadline.reopened", item)).isEqualTo(2);
    }

    @Test
    void everyUnsatisfiedRoundStartsAnotherRehandlingAndEveryReplyAnotherEvaluation() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        assigned(item, assignment, 54);
        replied(item, assignment, 54, "2025-03-20T02:00:00Z", List.of());
        item.send("rehandling-started", with(unit(assignment, 54, "SOLE", "SUGGESTION", "CITY"),
                "startedAt", "2025-04-01T02:00:00Z"));
        item.awaitDeadline("REHANDLING", "OPEN").body("[0].dueAt", equalTo("2025-05-06T15:59:59.999999Z"));
        item.send("replied", "assignmentId", assignment, "unitId", 54, "replyId", newId(), "version", 1, "round", 2,
                "resultClass", "A", "commitments", List.of(), "repliedAt", "2025-04-20T02:00:00Z");
        item.awaitDeadline("REHANDLING", "MET");
        item.send("rehandling-started", with(unit(assignment, 54, "SOLE", "SUGGESTION", "CITY"),
                "startedAt", "2025-05-10T02:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("REHANDLING")
                .body("cycle", contains(1, 2)).body("state", contains("MET", "OPEN"))
                .body("[1].dueAt", equalTo("2025-06-10T15:59:59.999999Z")));
        item.deadlines("EVALUATION").body("cycle", contains(1, 2));

        // An extension asked for, refused, and asked for again: the office owes a second decision.
        item.send("extension-requested", "assignmentId", assignment, "unitId", 54, "requestedUntil", "2025-08-31",
                "requestedAt", "2025-05-12T02:00:00Z");
        item.awaitDeadline("EXTENSION", "OPEN");
        item.send("extension-decided", "assignmentId", assignment, "unitId", 54, "approved", false,
                "decidedAt", "2025-05-13T02:00:00Z");
        item.send("extension-requested", "assignmentId", assignment, "unitId", 54, "requestedUntil", "2025-08-31",
                "requestedAt", "2025-05-14T02:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("EXTENSION")
                .body("cycle", contains(1, 2)).body("state", contains("MET", "OPEN")));
        item.deadlines("REPLY").body("[0].extended", equalTo(false));
    }

    @Test
    void closingKeepsPromisesAndABClassItemReportsProgressYearlyUntilSolved() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        long promise = newId();
        assigned(item, assignment, 52);
        replied(item, assignment, 52, "2025-04-01T02:00:00Z", List.of(
                Map.of("commitmentId", promise, "promisedOn", "2025-09-30")));
        item.awaitDeadline("EVALUATION", "OPEN");
        item.send("closed", "outcome", "SATISFIED", "followUp", true, "closedAt", "2025-04-15T02:00:00Z");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("COMMITMENT")
                .body("", hasSize(2))
                .body("find { it.commitmentId == " + promise + " }.state", equalTo("OPEN"))
                .body("find { it.commitmentId == null }.cycle", equalTo(1))
                .body("find { it.commitmentId == null }.dueAt", equalTo("2026-04-15T15:59:59.999999Z")));
        // the co-signers who have not rated yet still may (issue 14): closing leaves the window open
        item.deadlines("EVALUATION").body("[0].state", equalTo("OPEN"));

        item.send("commitment-progressed", "assignmentId", assignment, "unitId", 52, "commitmentId", promise,
                "percent", 60, "fulfilled", false, "progressedOn", "2025-10-10", "recordedAt", "2025-10-10T02:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("COMMITMENT")
                .body("findAll { it.commitmentId == null }.cycle", contains(1, 2))
                .body("find { it.cycle == 1 && it.commitmentId == null }.state", equalTo("MET"))
                .body("find { it.cycle == 2 }.state", equalTo("OPEN"))
                // A year on from the first report's due day.
                .body("find { it.cycle == 2 }.dueAt", equalTo("2027-04-15T15:59:59.999999Z")));

        item.send("commitment-progressed", "assignmentId", assignment, "unitId", 52, "commitmentId", promise,
                "percent", 100, "fulfilled", true, "progressedOn", "2025-11-01", "recordedAt", "2025-11-01T02:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> item.deadlines("COMMITMENT")
                .body("state", everyItem(equalTo("MET")))
                .body("find { it.commitmentId == " + promise + " }.metOnTime", equalTo(false)));
        item.deadlines("COMMITMENT").body("", hasSize(3));
    }

    @Test
    void aWithdrawalClosesEveryOpenDeadlinePromisesIncluded() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        assigned(item, assignment, 50);
        item.send("assigned", with(unit(newId(), 51, "CO", "SUGGESTION", "CITY"), "assignedAt", MONDAY));
        replied(item, assignment, 50, "2025-03-03T02:30:00Z", List.of(
                Map.of("commitmentId", newId(), "promisedOn", "2025-09-30")));
        item.awaitDeadline("COMMITMENT", "OPEN");
        item.awaitDeadline("CO_OPINION", "OPEN");

        item.sendTo("banli.intake.submissions", "banli.intake.submission.withdrawn.v1",
                "withdrawnAt", "2025-03-04T02:00:00Z");
        item.awaitDeadline("COMMITMENT", "CLOSED");
        given().auth().oauth2(Tokens.office()).queryParam("submissionId", item.submission).get("/api/v1/deadlines")
                .then().body("state", not(hasItem("OPEN")))
                // Each directly assigned unit's adjustment window too.
                .body("findAll { it.state == 'CLOSED' }.stage", containsInAnyOrder("SIGN_FOR", "ADJUSTMENT_REQUEST",
                        "ADJUSTMENT_REQUEST", "CO_OPINION", "EVALUATION", "COMMITMENT"));
        assertThat(audited("deadline.closed", item)).isEqualTo(6);
    }

    @Test
    void anEventWithoutWhatTheStageNeedsGoesToTheDeadLetterTopicAndChangesNothing() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        assigned(item, assignment, 53);
        item.awaitDeadline("REPLY", "OPEN");
        try (TopicProbe deadLetters = TopicProbe.open("banli.supervision.dead-letter")) {
            // A promise without its date: assignment's contract requires one, so this reply is off it on purpose.
            item.sendOffContract("replied", "assignmentId", assignment, "unitId", 53, "replyId", newId(),
                    "version", 1, "round", 1, "resultClass", "B", "disclosure", "PUBLIC",
                    "commitments", List.of(Map.of("commitmentId", newId())), "recipientIds", List.of(1),
                    "repliedAt", "2025-04-01T02:00:00Z");
            ConsumerRecord<String, String> dead = deadLetters.await(r -> key(item).equals(r.key()));
            assertThat(header(dead, "dead-letter-reason")).contains("promisedOn");
        }
        item.deadlines("REPLY").body("[0].state", equalTo("OPEN"));
        item.deadlines("EVALUATION").body("", hasSize(0));
        item.deadlines("COMMITMENT").body("", hasSize(0));
    }

    private static void assigned(Workflow item, long assignment, long unit) {
        item.send("assigned", with(unit(assignment, unit, "SOLE", "SUGGESTION", "CITY"), "assignedAt", MONDAY));
    }

    private static void replied(Workflow item, long assignment, long unit, String at, List<?> promises) {
        item.send("replied", "assignmentId", assignment, "unitId", unit, "replyId", newId(), "version", 1, "round", 1,
                "resultClass", promises.isEmpty() ? "A" : "B", "disclosure", "PUBLIC", "commitments", promises,
                "recipientIds", List.of(1), "repliedAt", at);
    }

    private static String key(Workflow item) {
        return String.valueOf(item.submission);
    }

    private static Predicate<ConsumerRecord<String, String>> stage(String type, Workflow item, String stage) {
        return TopicProbe.ofType(type, key(item)).and(r -> stage.equals(JsonPath.from(r.value()).getString("stage")));
    }

    private long audited(String action, Workflow item) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_log where action = :action and subject_id = :subject")
                .setParameter("action", action).setParameter("subject", key(item)).getSingleResult()).longValue());
    }
}
