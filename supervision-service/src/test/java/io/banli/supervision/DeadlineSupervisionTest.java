package io.banli.supervision;

import static io.banli.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.supervision.sweep.AlertSweep;
import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class DeadlineSupervisionTest {

    static final String WORKFLOW = "banli.assignment.workflow";
    static final String ALERTS = "banli.supervision.alerts";
    static final String OVERDUE = "banli.supervision.overdue.v1";
    static final String WARNING = "banli.supervision.deadline-warning.v1";
    static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    @Inject
    TestClock clock;

    @Inject
    AlertSweep sweep;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void anAssignmentOpensSignForAndReplyDeadlines() {
        long submission = IDS.incrementAndGet();
        assigned(submission, 7, "SOLE", clock.instant());
        awaitDeadline(submission, "REPLY", "OPEN").body("[0].unitId", equalTo(7)).body("[0].light", equalTo("GREEN"));
        awaitDeadline(submission, "SIGN_FOR", "OPEN");
        Instant replyDue = Instant.parse(deadlines(submission, "REPLY").extract().path("[0].dueAt"));
        assertThat(replyDue).isAfter(clock.instant().plus(Duration.ofDays(88)));
    }

    @Test
    void aPassedDeadlineRaisesExactlyOneOverdueAlertAndALateReplyIsRecordedAsLate() {
        long submission = IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(submission, 8, "LEAD", clock.instant());
            awaitDeadline(submission, "REPLY", "OPEN");

            clock.travel(Duration.ofDays(100));
            ConsumerRecord<String, String> overdue = alerts.await(alert(OVERDUE, submission, "REPLY"));
            assertThat(header(overdue, "ce_source")).isEqualTo("/banli/supervision-service");
            assertThat(JsonPath.from(overdue.value()).getLong("unitId")).isEqualTo(8);

            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, submission), alert(OVERDUE, submission, "REPLY")))
                    .as("several sweeps ran, one alert").hasSize(1);
            awaitDeadline(submission, "REPLY", "OVERDUE").body("[0].light", equalTo("RED"));

            workDone(submission, 8, "banli.assignment.reply-submitted.v1", "submittedAt", clock.instant());
            awaitDeadline(submission, "REPLY", "MET").body("[0].metOnTime", equalTo(false));
        }
    }

    @Test
    void aWarningComesSevenWorkingDaysBeforeAndTheLightTurnsYellow() {
        long submission = IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(submission, 15, "SOLE", clock.instant());
            awaitDeadline(submission, "REPLY", "OPEN");
            clock.travel(Duration.ofDays(85));
            ConsumerRecord<String, String> warning = alerts.await(alert(WARNING, submission, "REPLY"));
            assertThat(JsonPath.from(warning.value()).getInt("workingDaysLeft")).isEqualTo(7);
            awaitDeadline(submission, "REPLY", "OPEN").body("[0].light", equalTo("YELLOW"));
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, submission), alert(OVERDUE, submission, "REPLY")))
                    .isEmpty();
        }
    }

    @Test
    void aReplyInTimeMeetsTheDeadlineAndNoAlertFollows() {
        long submission = IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(submission, 9, "SOLE", clock.instant());
            awaitDeadline(submission, "REPLY", "OPEN");
            workDone(submission, 9, "banli.assignment.signed.v1", "signedAt", clock.instant());
            workDone(submission, 9, "banli.assignment.reply-submitted.v1", "submittedAt",
                    clock.instant().plus(Duration.ofDays(30)));
            awaitDeadline(submission, "REPLY", "MET").body("[0].metOnTime", equalTo(true));
            awaitDeadline(submission, "SIGN_FOR", "MET").body("[0].metOnTime", equalTo(true));
            alerts.await(alert("banli.supervision.deadline-met.v1", submission, "REPLY"));

            clock.travel(Duration.ofDays(200));
            // Opened and met, nothing else; the unused adjustment window expires, which is nobody's lateness.
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, submission),
                    r -> r.key().equals(String.valueOf(submission))
                            && !List.of("banli.supervision.deadline-met.v1", "banli.supervision.deadline-opened.v1")
                                    .contains(header(r, "ce_type"))
                            && !("banli.supervision.deadline-expired.v1".equals(header(r, "ce_type"))
                                    && r.value().contains("\"ADJUSTMENT_REQUEST\""))))
                    .as("no warning, no overdue").isEmpty();
        }
    }

    @Test
    void twoSweepersAtOnceRaiseEachAlertOnce() throws Exception {
        List<Long> submissions = java.util.stream.LongStream.range(0, 30).map(i -> IDS.incrementAndGet()).boxed().toList();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            submissions.forEach(s -> assigned(s, 16, "SOLE", clock.instant()));
            submissions.forEach(s -> awaitDeadline(s, "REPLY", "OPEN"));
            clock.travel(Duration.ofDays(120));
            Callable<Integer> sweeper = () -> QuarkusTransaction.requiringNew().call(sweep::sweepBatch);
            var pool = Executors.newFixedThreadPool(4);
            try {
                pool.invokeAll(List.of(sweeper, sweeper, sweeper, sweeper));
            } finally {
                pool.shutdown();
            }
            Predicate<ConsumerRecord<String, String>> ours = r -> OVERDUE.equals(header(r, "ce_type"))
                    && submissions.contains(Long.valueOf(r.key()));
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts.received(ours).size() >= 60);
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, submissions), ours))
                    .as("sign-for and reply, once each").hasSize(60);
        }
    }

    @Test
    void aRuleChangeRecomputesTheOpenDeadlinesItGoverns() {
        long submission = IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), UUID.randomUUID().toString(),
                    "banli.assignment.assigned.v1", assignedJson(submission, "PROPOSAL", 17, "SOLE", clock.instant()));
            awaitDeadline(submission, "REPLY", "OPEN");
            Instant before = Instant.parse(deadlines(submission, "REPLY").extract().path("[0].dueAt"));

            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                    "kind", "PROPOSAL", "amount", 2, "unit", "CALENDAR_MONTHS", "warningWorkingDays", List.of(7, 0),
                    "legalSource", "某市政协提案办理办法：提案应在交办之日起2个月内办复"))
                    .put("/api/v1/deadline-rules/REPLY").then().statusCode(200)
                    .body("version", equalTo(1)).body("kind", equalTo("PROPOSAL"));

            ConsumerRecord<String, String> recomputed = alerts.await(
                    alert("banli.supervision.deadline-recomputed.v1", submission, "REPLY"));
            Instant after = Instant.parse(JsonPath.from(recomputed.value()).getString("dueAt"));
            assertThat(after).isBefore(before.minus(Duration.ofDays(25)));
            assertThat(deadlines(submission, "REPLY").extract().<String>path("[0].dueAt")).isEqualTo(after.toString());
            given().auth().oauth2(Tokens.unitStaff(1)).get("/api/v1/deadline-rules").then().statusCode(200)
                    .body("findAll { it.stage == 'REPLY' }.kind", contains(null, "PROPOSAL"));
        }
    }

    @Test
    void badRulesAreRefusedAndChangeNothing() {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                "amount", 0, "unit", "CALENDAR_MONTHS", "warningWorkingDays", List.of(), "legalSource", "x"))
                .put("/api/v1/deadline-rules/REPLY").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                "amount", 3, "unit", "FORTNIGHTS", "warningWorkingDays", List.of(), "legalSource", "x"))
                .put("/api/v1/deadline-rules/REPLY").then().statusCode(400).body("violations[0].field", equalTo("unit"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                "amount", 3, "unit", "CALENDAR_MONTHS", "warningWorkingDays", List.of(), "legalSource", "x"))
                .put("/api/v1/deadline-rules/HOMEWORK").then().statusCode(400)
                .body("violations[0].field", equalTo("stage"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(Map.of(
                "amount", 3, "unit", "CALENDAR_MONTHS", "extensionAmount", 3, "warningWorkingDays", List.of(),
                "legalSource", "x")).put("/api/v1/deadline-rules/SIGN_FOR").then().statusCode(422);
        given().auth().oauth2(Tokens.unitHead(1)).contentType(ContentType.JSON).body(Map.of(
                "amount", 5, "unit", "WORKING_DAYS", "warningWorkingDays", List.of(1), "legalSource", "x"))
                .put("/api/v1/deadline-rules/SIGN_FOR").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/deadline-rules").then()
                .body("find { it.stage == 'SIGN_FOR' }.amount", equalTo(3))
                .body("find { it.stage == 'SIGN_FOR' }.version", equalTo(1));
    }

    @Test
    void anApprovedExtensionMovesTheReplyDeadlineAndClosingEndsEverything() {
        long submission = IDS.incrementAndGet();
        assigned(submission, 18, "SOLE", clock.instant());
        awaitDeadline(submission, "REPLY", "OPEN");
        Instant before = Instant.parse(deadlines(submission, "REPLY").extract().path("[0].dueAt"));
        send(submission, "banli.assignment.extension-decided.v1", "unitId", 18, "approved", true,
                "until", LocalDate.ofInstant(before.plus(Duration.ofDays(100)), ZoneOffset.UTC));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deadlines(submission, "REPLY")
                .body("[0].extended", equalTo(true)));
        Instant after = Instant.parse(deadlines(submission, "REPLY").extract().path("[0].dueAt"));
        assertThat(after).isAfter(before.plus(Duration.ofDays(85)));

        send(submission, "banli.assignment.closed.v1");
        awaitDeadline(submission, "REPLY", "CLOSED");
        awaitDeadline(submission, "SIGN_FOR", "CLOSED");
    }

    @Test
    void anItemMergedAfterAssignmentIsNoLongerChased() {
        long submission = IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(submission, 21, "SOLE", clock.instant());
            awaitDeadline(submission, "REPLY", "OPEN");
            awaitDeadline(submission, "SIGN_FOR", "OPEN");
            send(submission, "banli.assignment.closed.v1", "outcome", "MERGED", "followUp", false);
            awaitDeadline(submission, "REPLY", "CLOSED");
            awaitDeadline(submission, "SIGN_FOR", "CLOSED");
            clock.travel(Duration.ofDays(200));
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, submission),
                    r -> r.key().equals(String.valueOf(submission)) && List.of(OVERDUE, WARNING)
                            .contains(header(r, "ce_type")))).as("no warning, no overdue for a merged item").isEmpty();
        }
    }

    @Test
    void aReplyThatOvertakesTheSignForMeetsItSoNoWrongAlertFollows() {
        long submission = IDS.incrementAndGet();
        try (TopicProbe alerts = TopicProbe.open(ALERTS)) {
            assigned(submission, 19, "SOLE", clock.instant());
            workDone(submission, 19, "banli.assignment.reply-submitted.v1", "submittedAt", clock.instant());
            awaitDeadline(submission, "SIGN_FOR", "MET").body("[0].metOnTime", equalTo(true));
            workDone(submission, 19, "banli.assignment.signed.v1", "signedAt", clock.instant());
            Workflow.consumed(submission);
            clock.travel(Duration.ofDays(200));
            assertThat(alerts.until(SweepMarker.afterSweeps(ALERTS, submission),
                    TopicProbe.ofType(OVERDUE, String.valueOf(submission)))).isEmpty();
            deadlines(submission, "SIGN_FOR").body("", hasSize(1)).body("[0].state", equalTo("MET"));
        }
    }

    @Test
    void anUnsatisfiedProposerStartsAOneMonthRehandlingThatTheSecondReplyEnds() {
        long submission = IDS.incrementAndGet();
        assigned(submission, 20, "SOLE", clock.instant());
        workDone(submission, 20, "banli.assignment.reply-submitted.v1", "submittedAt", clock.instant());
        awaitDeadline(submission, "REPLY", "MET");
        Instant started = clock.instant();
        send(submission, "banli.assignment.rehandling-started.v1", "kind", "SUGGESTION",
                "assignmentId", IDS.incrementAndGet(), "unitId", 20, "unitName", "测试单位", "startedAt", started);
        awaitDeadline(submission, "REHANDLING", "OPEN");
        Instant due = Instant.parse(deadlines(submission, "REHANDLING").extract().path("[0].dueAt"));
        assertThat(due).isAfter(started.plus(Duration.ofDays(27))).isBefore(started.plus(Duration.ofDays(45)));

        workDone(submission, 20, "banli.assignment.reply-submitted.v1", "submittedAt", clock.instant());
        awaitDeadline(submission, "REHANDLING", "MET").body("[0].metOnTime", equalTo(true));
    }

    @Test
    void aCoUnitOwesAnOpinionNotAReply() {
        long submission = IDS.incrementAndGet();
        assigned(submission, 10, "LEAD", clock.instant());
        assigned(submission, 11, "CO", clock.instant());
        awaitDeadline(submission, "CO_OPINION", "OPEN").body("unitId", contains(11));
        deadlines(submission, "REPLY").body("unitId", contains(10));
    }

    @Test
    void aRedeliveredAssignmentOpensOneDeadlinePerStage() {
        long submission = IDS.incrementAndGet();
        String eventId = UUID.randomUUID().toString();
        String json = assignedJson(submission, "SUGGESTION", 12, "SOLE", clock.instant());
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), eventId, "banli.assignment.assigned.v1", json);
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), eventId, "banli.assignment.assigned.v1", json);
        workDone(submission, 12, "banli.assignment.reply-submitted.v1", "submittedAt", clock.instant());
        // The reply comes after the duplicate on the same partition: once it is applied, so is the duplicate.
        awaitDeadline(submission, "REPLY", "MET");
        given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission).get("/api/v1/deadlines")
                // Sign-for, reply and the adjustment window the direct assignment opens, once each.
                .then().body("", hasSize(3));
    }

    @Test
    void aUnitSeesOnlyItsOwnDeadlines() {
        long submission = IDS.incrementAndGet();
        assigned(submission, 13, "SPLIT", clock.instant());
        assigned(submission, 14, "SPLIT", clock.instant());
        await().untilAsserted(() -> deadlines(submission, "REPLY").body("", hasSize(2)));
        given().auth().oauth2(Tokens.unitStaff(13)).queryParam("submissionId", submission).get("/api/v1/deadlines")
                .then().statusCode(200).body("unitId", contains(13, 13, 13));
        given().auth().oauth2(Tokens.unitStaff(13)).queryParam("submissionId", submission).queryParam("unitId", 14)
                .get("/api/v1/deadlines").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(Tokens.member(1)).get("/api/v1/deadlines").then().statusCode(403);
        given().get("/api/v1/deadlines").then().statusCode(401);
        given().auth().oauth2(Tokens.office()).queryParam("state", "LATE").get("/api/v1/deadlines")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static Predicate<ConsumerRecord<String, String>> alert(String type, long submission, String stage) {
        return TopicProbe.ofType(type, String.valueOf(submission))
                .and(r -> stage.equals(JsonPath.from(r.value()).getString("stage")));
    }

    private static ValidatableResponse deadlines(long submission, String stage) {
        return given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission)
                .queryParam("stage", stage).get("/api/v1/deadlines").then().statusCode(200);
    }

    private static ValidatableResponse awaitDeadline(long submission, String stage, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deadlines(submission, stage)
                .body("[0].state", equalTo(state)));
        return deadlines(submission, stage);
    }

    private static void assigned(long submission, long unit, String role, Instant at) {
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), UUID.randomUUID().toString(),
                "banli.assignment.assigned.v1", assignedJson(submission, "SUGGESTION", unit, role, at));
    }

    private static String assignedJson(long submission, String kind, long unit, String role, Instant at) {
        return Contracts.data("banli.assignment.assigned.v1", "submissionId", submission, "kind", kind,
                "assignmentId", IDS.incrementAndGet(), "unitId", unit, "unitName", "测试单位", "mode", "JOINT",
                "role", role, "assignedAt", at);
    }

    private static void workDone(long submission, long unit, String type, String field, Instant at) {
        send(submission, type, "unitId", unit, field, at);
    }

    /** An event of assignment's, from its published example with these fields. */
    private static void send(long submission, String type, Object... fields) {
        Object[] all = java.util.Arrays.copyOf(new Object[] {"submissionId", submission}, 2 + fields.length);
        System.arraycopy(fields, 0, all, 2, fields.length);
        EventSender.cloudEvent(WORKFLOW, String.valueOf(submission), UUID.randomUUID().toString(), type,
                Contracts.data(type, all));
    }
}
