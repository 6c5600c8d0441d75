package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.banli.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.banli.testing.OutboxMarker;
import io.banli.testing.TestClock;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code deadline-opened}: what a portal reads to show the proposer and the unit what is due by when.
 * Every stage that opens a deadline announces it once, with the due time counted on the working-day
 * calendar, and so does every deadline opened again (a returned reply, another re-handling round, the
 * next year's progress report); a deadline that only moves announces {@code deadline-recomputed}.
 * Items are assigned on Monday 3 March 2025 at 10:00 Beijing time; the clock starts an hour later.
 */
@QuarkusTest
class DeadlineOpenedEventsTest {

    static final String ALERTS = "banli.supervision.alerts";
    static final String OPENED = "banli.supervision.deadline-opened.v1";
    static final String RECOMPUTED = "banli.supervision.deadline-recomputed.v1";
    static final String OVERDUE = "banli.supervision.overdue.v1";
    static final String MONDAY = "2025-03-03T02:00:00Z";
    static final Instant NOW = Instant.parse("2025-03-03T03:00:00Z");
    /** The data of the event as the README's catalogue lists it, nothing more (no names, no contact data). */
    static final List<String> FIELDS = List.of("submissionId", "deadlineId", "assignmentId", "unitId", "stage",
            "dueAt", "openedAt");

    @Inject
    TestClock clock;

    @BeforeEach
    void mondayMorning() {
        clock.travelTo(NOW);
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aFormalAssignmentAnnouncesEachDeadlineItOpensWithItsWorkingDayDueTime() {
        Workflow item = Workflow.newItem();
        long lead = newId();
        long co = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            item.send("assigned", with(unit(lead, 61, "LEAD", "SUGGESTION", "CITY"), "assignedAt", MONDAY));
            item.send("assigned", with(unit(co, 62, "CO", "SUGGESTION", "CITY"), "assignedAt", MONDAY));

            ConsumerRecord<String, String> signFor = alerts.await(opened(item, "SIGN_FOR", 61));
            JsonPath data = JsonPath.from(signFor.value());
            assertThat(data.getMap("").keySet()).containsExactlyInAnyOrderElementsOf(FIELDS);
            assertThat(data.getLong("submissionId")).isEqualTo(item.submission);
            assertThat(data.getLong("assignmentId")).isEqualTo(lead);
            // Three working days from Monday: Thursday 6 March, to its end in Beijing.
            assertThat(data.getString("dueAt")).isEqualTo("2025-03-06T15:59:59.999999Z");
            assertThat(Instant.parse(data.getString("openedAt"))).isBetween(NOW, NOW.plus(Duration.ofMinutes(5)));
            long signForId = item.deadlines("SIGN_FOR").extract().<Number>path("find { it.unitId == 61 }.id")
                    .longValue();
            assertThat(data.getLong("deadlineId")).isEqualTo(signForId);
            assertThat(signFor.key()).isEqualTo(key(item));
            assertThat(header(signFor, "ce_subject")).isEqualTo(key(item));
            assertThat(header(signFor, "ce_source")).isEqualTo("/banli/supervision-service");

            // 3 months from 3 March: Tuesday 3 June. A co-unit owes its opinion in a month: Thursday 3 April
            // (Qingming is 4 to 6 April).
            assertThat(dueAt(alerts.await(opened(item, "REPLY", 61)))).isEqualTo("2025-06-03T15:59:59.999999Z");
            assertThat(dueAt(alerts.await(opened(item, "SIGN_FOR", 62)))).isEqualTo("2025-03-06T15:59:59.999999Z");
            assertThat(dueAt(alerts.await(opened(item, "CO_OPINION", 62)))).isEqualTo("2025-04-03T15:59:59.999999Z");

            // The same assignment announced again (a replay) opens nothing new.
            item.send("assigned", with(unit(lead, 61, "LEAD", "SUGGESTION", "CITY"), "assignedAt", MONDAY));
            item.send("signed", "assignmentId", lead, "unitId", 61, "signedAt", "2025-03-04T02:00:00Z");
            item.awaitDeadline("SIGN_FOR", "MET");
            // The replay was applied before the sign-for: what it published is before a marker sent now.
            assertThat(alerts.until(OutboxMarker.after(ALERTS, key(item)), TopicProbe.ofType(OPENED, key(item))))
                    .extracting(r -> JsonPath.from(r.value()).getString("stage"))
                    .containsExactlyInAnyOrder("ADJUSTMENT_REQUEST", "SIGN_FOR", "REPLY", "ADJUSTMENT_REQUEST",
                            "SIGN_FOR", "CO_OPINION");
        }
    }

    @Test
    void thePreAssignmentAnnouncesTheAdjustmentWindowOverTheSpringFestivalMakeUpDays() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            // Tuesday 28 January 2025 is the eve of the Spring Festival: 28 January to 4 February are off,
            // Sunday 26 January and Saturday 8 February are worked. Five working days: 5, 6, 7, 8, 10 February.
            item.send("pre-assigned", with(unit(assignment, 63, "SOLE", "PROPOSAL", "CITY"),
                    "preAssignedAt", "2025-01-27T02:00:00Z"));
            JsonPath window = JsonPath.from(alerts.await(opened(item, "ADJUSTMENT_REQUEST", 63)).value());
            assertThat(window.getString("dueAt")).isEqualTo("2025-02-10T15:59:59.999999Z");
            assertThat(window.getLong("assignmentId")).isEqualTo(assignment);
        }
    }

    @Test
    void aReturnedReplyAndEachLaterStageAnnounceWhatIsOwedAgain() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        long promise = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            item.send("assigned", with(unit(assignment, 64, "SOLE", "SUGGESTION", "CITY"), "assignedAt", MONDAY));
            long replyId = JsonPath.from(alerts.await(opened(item, "REPLY", 64)).value()).getLong("deadlineId");
            item.send("reply-submitted", "assignmentId", assignment, "unitId", 64, "replyId", 1, "round", 1,
                    "submittedAt", "2025-03-20T02:00:00Z");
            item.awaitDeadline("REPLY", "MET");

            // Returned by the office: the same deadline is owed again, on its old due time.
            item.send("reply-returned", "assignmentId", assignment, "unitId", 64, "replyId", 1,
                    "reason", "答复内容未回应代表关切", "returnedAt", "2025-03-21T02:00:00Z");
            Predicate<ConsumerRecord<String, String>> sameReply = opened(item, "REPLY", 64)
                    .and(r -> JsonPath.from(r.value()).getLong("deadlineId") == replyId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts.received(sameReply)).hasSize(2));
            assertThat(alerts.received(sameReply)).extracting(DeadlineOpenedEventsTest::dueAt)
                    .containsOnly("2025-06-03T15:59:59.999999Z");
            item.awaitDeadline("REPLY", "OPEN");

            // The reply reaches the proposer on 1 April: the evaluation window (1 May is Labour Day, off to
            // 5 May: Tuesday 6 May) and the promise open.
            item.send("replied", "assignmentId", assignment, "unitId", 64, "replyId", newId(), "version", 1,
                    "round", 1, "resultClass", "B", "disclosure", "PUBLIC", "commitments",
                    List.of(Map.of("commitmentId", promise, "promisedOn", "2025-09-30")), "recipientIds", List.of(1),
                    "repliedAt", "2025-04-01T02:00:00Z");
            assertThat(dueAt(alerts.await(opened(item, "EVALUATION", 64)))).isEqualTo("2025-05-06T15:59:59.999999Z");
            // A promised date stands as the reply gave it.
            ConsumerRecord<String, String> promised = alerts.await(opened(item, "COMMITMENT", 64));
            assertThat(dueAt(promised)).isEqualTo("2025-09-30T15:59:59.999999Z");

            // Unsatisfied: re-handling for a month from 1 April, again past Labour Day.
            item.send("rehandling-started", with(unit(assignment, 64, "SOLE", "SUGGESTION", "CITY"),
                    "startedAt", "2025-04-01T02:00:00Z"));
            assertThat(dueAt(alerts.await(opened(item, "REHANDLING", 64)))).isEqualTo("2025-05-06T15:59:59.999999Z");

            // An extension asked for opens the office's decision (five working days from Friday 11 April).
            item.send("extension-requested", "assignmentId", assignment, "unitId", 64, "requestedUntil", "2025-08-31",
                    "requestedAt", "2025-04-11T02:00:00Z");
            assertThat(dueAt(alerts.await(opened(item, "EXTENSION", 64)))).isEqualTo("2025-04-18T15:59:59.999999Z");

            // Closed as B class: the first yearly progress report is due a year on.
            item.send("closed", "outcome", "AFTER_REHANDLING", "followUp", true, "closedAt", "2025-04-15T02:00:00Z");
            ConsumerRecord<String, String> yearly = alerts.await(opened(item, "COMMITMENT", 64)
                    .and(r -> "2026-04-15T15:59:59.999999Z".equals(dueAt(r))));
            assertThat(JsonPath.from(yearly.value()).getLong("deadlineId"))
                    .isNotEqualTo(JsonPath.from(promised.value()).getLong("deadlineId"));
        }
    }

    @Test
    void aLateReplyReturnedIsOpenedAgainPastItsDueTimeWithoutASecondOverdue() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            item.send("assigned", with(unit(assignment, 66, "SOLE", "SUGGESTION", "CITY"), "assignedAt", MONDAY));
            item.send("signed", "assignmentId", assignment, "unitId", 66, "signedAt", MONDAY);
            long replyId = JsonPath.from(alerts.await(opened(item, "REPLY", 66)).value()).getLong("deadlineId");
            // Due Tuesday 3 June; the reply comes a day late and the office returns it.
            clock.travelTo(Instant.parse("2025-06-04T02:00:00Z"));
            alerts.await(TopicProbe.ofType(OVERDUE, key(item)));
            item.send("reply-submitted", "assignmentId", assignment, "unitId", 66, "replyId", 1, "round", 1,
                    "submittedAt", "2025-06-05T02:00:00Z");
            item.awaitDeadline("REPLY", "MET");
            item.send("reply-returned", "assignmentId", assignment, "unitId", 66, "replyId", 1,
                    "reason", "仍未回应", "returnedAt", "2025-06-06T02:00:00Z");

            Predicate<ConsumerRecord<String, String>> sameReply = opened(item, "REPLY", 66)
                    .and(r -> JsonPath.from(r.value()).getLong("deadlineId") == replyId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts.received(sameReply)).hasSize(2));
            JsonPath again = JsonPath.from(alerts.received(sameReply).get(1).value());
            assertThat(again.getString("dueAt")).isEqualTo("2025-06-03T15:59:59.999999Z");
            assertThat(Instant.parse(again.getString("openedAt"))).isAfter(Instant.parse(again.getString("dueAt")));
            item.awaitDeadline("REPLY", "OVERDUE");
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, item.submission),
                    TopicProbe.ofType(OVERDUE, key(item)))).as("red once").hasSize(1);
        }
    }

    @Test
    void aDeadlineThatOnlyMovesIsRecomputedNotOpened() {
        Workflow item = Workflow.newItem();
        long assignment = newId();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            item.send("assigned", with(unit(assignment, 65, "SOLE", "SUGGESTION", "CITY"), "assignedAt", MONDAY));
            alerts.await(opened(item, "REPLY", 65));
            item.send("extension-requested", "assignmentId", assignment, "unitId", 65, "requestedUntil", "2025-07-31",
                    "requestedAt", "2025-05-20T02:00:00Z");
            item.send("extension-decided", "assignmentId", assignment, "unitId", 65, "approved", true,
                    "until", "2025-07-31", "decidedAt", "2025-05-22T02:00:00Z");

            JsonPath moved = JsonPath.from(alerts.await(TopicProbe.ofType(RECOMPUTED, key(item))
                    .and(r -> "REPLY".equals(JsonPath.from(r.value()).getString("stage")))).value());
            assertThat(moved.getString("dueAt")).isEqualTo("2025-07-31T15:59:59.999999Z");
            assertThat(alerts.until(OutboxMarker.after(ALERTS, key(item)), opened(item, "REPLY", 65)))
                    .as("opened once").hasSize(1);
        }
    }

    private static Predicate<ConsumerRecord<String, String>> opened(Workflow item, String stage, long unit) {
        return TopicProbe.ofType(OPENED, key(item)).and(r -> {
            JsonPath data = JsonPath.from(r.value());
            return stage.equals(data.getString("stage")) && data.getLong("unitId") == unit;
        });
    }

    private static String dueAt(ConsumerRecord<String, String> record) {
        return JsonPath.from(record.value()).getString("dueAt");
    }

    private static String key(Workflow item) {
        return String.valueOf(item.submission);
    }
}
