package io.banli.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.banli.supervision.reminder.ReminderDispatcher;
import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Assigned Monday 3 March 2025 at 10:00 (Beijing): the sign-for is due at the end of Thursday 6 March
 * and warned one working day before. Each test sets the clock before the assignment arrives, so its
 * alerts are raised at the test's time and not at today's.
 */
@QuarkusTest
class RemindersTest {

    static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T02:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    EntityManager em;

    /** How far the polls below have moved the clock since the test last set it. */
    private Duration drift = Duration.ZERO;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private void at(Instant instant) {
        clock.travelTo(instant);
        drift = Duration.ZERO;
    }

    @Test
    void aWarningReachesTheLiaisonOfficerOnly() throws Exception {
        long unit = 31;
        contacts(unit, "liaison31@unit.example", "13900003101", "head31@unit.example");
        at(Instant.parse("2025-03-05T02:00:00Z")); // Wednesday 10:00: warned, not yet due
        long submission = assignedOnMondayMorning(unit);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveredNow(submission)
                .body("findAll { it.state == 'SENT' }.channel", hasItem("EMAIL"))
                .body("findAll { it.state == 'SENT' }.channel", hasItem("SMS"))
                .body("findAll { it.state == 'SENT' }.channel", hasItem("WEBHOOK")));
        deliveries(submission).body("level", everyItem(equalTo("YELLOW-1")))
                .body("recipient.findAll { it != 'PLATFORM' }", everyItem(equalTo("LIAISON")))
                .body("find { it.channel == 'SMS' }.address", equalTo("139****3101"));
        assertThat(mailTo("head31@unit.example")).isEmpty();
        assertThat(mailTo("liaison31@unit.example")).isNotEmpty();
        String mail = (String) mailTo("liaison31@unit.example").get(0).getContent();
        assertThat(mail).as("people read the item's number in its session, never a database id")
                .contains("第" + numberOf(submission) + "号", "签收", "还有1个工作日")
                .doesNotContain("第" + submission + "号");
        assertThat(ReminderChannels.SMS).anyMatch(sms -> sms.contains("13900003101") && sms.contains("办理预警"));
        assertThat(ReminderChannels.WEBHOOK).anyMatch(hook -> hook.contains("\"subject\":\"" + submission + "\"")
                && hook.contains("\"specversion\":\"1.0\""));
    }

    @Test
    void anOverdueAlertRaisedOnASaturdayNightIsDeliveredOnMondayMorningToLiaisonAndHead() throws Exception {
        long unit = 32;
        contacts(unit, "liaison32@unit.example", null, "head32@unit.example");
        at(Instant.parse("2025-03-08T15:00:00Z")); // Saturday 23:00
        long submission = assignedOnMondayMorning(unit);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveredNow(submission)
                .body("findAll { it.level == 'RED' }", hasSize(3)));
        given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission).get("/api/v1/reminders")
                .then().body("state", everyItem(equalTo("PENDING")));
        assertThat(mailTo("head32@unit.example")).as("nothing at midnight").isEmpty();

        at(Instant.parse("2025-03-10T01:30:00Z")); // Monday 09:30
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveredNow(submission)
                .body("state", everyItem(equalTo("SENT"))));
        assertThat(mailTo("liaison32@unit.example")).isNotEmpty();
        assertThat(mailTo("head32@unit.example")).isNotEmpty();
        assertThat((String) mailTo("head32@unit.example").get(0).getContent()).contains("已逾期", "超期说明");
    }

    @Test
    void aFailedDeliveryIsRetriedWithAPauseAndRecorded() {
        long unit = 33;
        contacts(unit, null, ReminderChannels.FAILING_PHONE, null);
        ReminderChannels.SMS_FAILURES_TO_COME.set(2);
        at(Instant.parse("2025-03-05T02:00:00Z"));
        long submission = assignedOnMondayMorning(unit);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> attemptedNow(submission)
                .body("find { it.channel == 'SMS' }.attempts", equalTo(1))
                .body("find { it.channel == 'SMS' }.state", equalTo("PENDING"))
                .body("find { it.channel == 'SMS' }.lastError", org.hamcrest.Matchers.containsString("503")));
        clock.travel(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> attemptedNow(submission)
                .body("find { it.channel == 'SMS' }.attempts", equalTo(2)));
        clock.travel(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> attemptedNow(submission)
                .body("find { it.channel == 'SMS' }.state", equalTo("SENT"))
                .body("find { it.channel == 'SMS' }.attempts", equalTo(3)));
    }

    @Test
    void anOverdueKeyItemIsEscalatedToItsLeadingOfficial() throws Exception {
        long unit = 35;
        contacts(unit, "liaison35@unit.example", null, "head35@unit.example");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("email", "vice-mayor@gov.example")).put("/api/v1/leader-contacts/王副市长")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.unitHead(unit)).contentType(ContentType.JSON)
                .body(Map.of("email", "x@gov.example")).put("/api/v1/leader-contacts/王副市长").then().statusCode(403);
        at(Instant.parse("2025-03-10T01:30:00Z")); // Monday 09:30, the sign-for long overdue
        long submission = assignedOnMondayMorning(unit, true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveredNow(submission)
                .body("findAll { it.level == 'RED' }.recipient", hasItem("LEADER"))
                .body("findAll { it.level == 'RED' }.state", everyItem(equalTo("SENT"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mailTo("vice-mayor@gov.example")).isNotEmpty();
            assertThat(mailTo("head35@unit.example")).isNotEmpty();
        });
    }

    /**
     * The platform's webhook answers after 2.5 s, longer than the dispatcher's transactions may last here (2 s):
     * no transaction is open while a message goes out, so each reminder is sent once and recorded as sent.
     */
    @Test
    void aChannelSlowerThanTheTransactionTimeoutDeliversEachReminderOnce() throws Exception {
        long unit = 36;
        ReminderChannels.SLOW_UNITS.add(unit);
        try {
            contacts(unit, "liaison36@unit.example", "13900003601", null);
            at(Instant.parse("2025-03-05T02:00:00Z"));
            long submission = assignedOnMondayMorning(unit);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> deliveredNow(submission)
                    .body("state", everyItem(equalTo("SENT"))).body("", hasSize(3)));
            // Further runs find nothing to send: each returns only when what it claimed is recorded.
            dispatcher.deliverDue();
            clock.travel(Duration.ofMinutes(15));
            dispatcher.deliverDue();

            // The slow channel's reminder was claimed once. (Another channel may have needed a second attempt on a
            // loaded machine, e.g. a mail server that did not answer within its 5 s: a retry, still delivered once.)
            deliveries(submission).body("findAll { it.channel == 'WEBHOOK' }.attempts", contains(1));
            assertThat(webhooksFor(submission)).hasSize(1);
            assertThat(ReminderChannels.SMS.stream().filter(sms -> sms.contains("13900003601"))).hasSize(1);
            assertThat(mailTo("liaison36@unit.example")).hasSize(1);
        } finally {
            ReminderChannels.SLOW_UNITS.remove(unit);
        }
    }

    /**
     * A dispatcher that sent a message and died before recording it leaves the claim behind (SENDING). Until
     * its lease has passed nobody sends again; then the message goes out again with the same delivery key.
     */
    @Test
    void aClaimNeverRecordedIsTakenAgainAfterItsLeaseWithTheSameDeliveryKey() throws Exception {
        long unit = 37;
        contacts(unit, null, null, null);
        at(Instant.parse("2025-03-05T02:00:00Z"));
        long submission = assignedOnMondayMorning(unit);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> attemptedNow(submission)
                .body("find { it.channel == 'WEBHOOK' }.state", equalTo("SENT")));
        List<Map.Entry<String, String>> first = webhooksFor(submission);
        assertThat(first).hasSize(1);
        UUID key = UUID.fromString(first.get(0).getKey());

        // The crash: sent, claimed a minute ago, never recorded.
        QuarkusTransaction.requiringNew().run(() -> assertThat(em.createNativeQuery("""
                update reminder set state = 'SENDING', claimed_at = :claimed, claim_id = gen_random_uuid(),
                                    sent_at = null
                where submission_id = :submission and channel = 'WEBHOOK'""")
                .setParameter("claimed", clock.instant().minus(Duration.ofMinutes(1)))
                .setParameter("submission", submission).executeUpdate()).isEqualTo(1));

        dispatcher.deliverDue();
        assertThat(webhooksFor(submission)).as("the lease still runs").hasSize(1);

        clock.travel(Duration.ofMinutes(10));
        dispatcher.deliverDue();
        List<Map.Entry<String, String>> both = webhooksFor(submission);
        assertThat(both).hasSize(2);
        assertThat(both).extracting(Map.Entry::getKey).containsOnly(key.toString());
        assertThat(both.get(1).getValue()).contains("\"id\":\"" + key + "\"");
        deliveries(submission).body("find { it.channel == 'WEBHOOK' }.state", equalTo("SENT"))
                .body("find { it.channel == 'WEBHOOK' }.attempts", equalTo(2));
    }

    private static List<Map.Entry<String, String>> webhooksFor(long submission) {
        return ReminderChannels.WEBHOOK_DELIVERIES.stream()
                .filter(d -> d.getValue().contains("\"subject\":\"" + submission + "\"")).toList();
    }

    @Test
    void contactsArePersonalInformationForTheOfficeOnly() {
        contacts(34, "liaison34@unit.example", "13900003401", null);
        given().auth().oauth2(Tokens.office()).get("/api/v1/unit-contacts/34").then().statusCode(200)
                .body("liaison.phone", equalTo("13900003401"));
        given().auth().oauth2(Tokens.unitHead(34)).get("/api/v1/unit-contacts/34").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("liaison", Map.of("name", "周敏", "email", "not an address")))
                .put("/api/v1/unit-contacts/34").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).get("/api/v1/unit-contacts/34").then()
                .body("liaison.email", equalTo("liaison34@unit.example"));
    }

    private static void contacts(long unit, String liaisonEmail, String liaisonPhone, String headEmail) {
        Map<String, Object> liaison = new java.util.HashMap<>(Map.of("name", "联络员" + unit));
        if (liaisonEmail != null) {
            liaison.put("email", liaisonEmail);
        }
        if (liaisonPhone != null) {
            liaison.put("phone", liaisonPhone);
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("liaison", liaison));
        if (headEmail != null) {
            body.put("head", Map.of("name", "负责人" + unit, "email", headEmail));
        }
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/unit-contacts/" + unit).then().statusCode(200);
    }

    /** The item's number in its session: deliberately not its database id. */
    private static int numberOf(long submission) {
        return (int) submission + 9_000;
    }

    private static long assignedOnMondayMorning(long unit) {
        return assignedOnMondayMorning(unit, false);
    }

    private static long assignedOnMondayMorning(long unit, boolean keyItem) {
        long submission = DeadlineSupervisionTest.IDS.incrementAndGet();
        EventSender.cloudEvent("banli.assignment.workflow", String.valueOf(submission), UUID.randomUUID().toString(),
                "banli.assignment.assigned.v1", Contracts.data("banli.assignment.assigned.v1",
                        "submissionId", submission, "submissionNumber", numberOf(submission), "kind", "SUGGESTION",
                        "assignmentId", DeadlineSupervisionTest.IDS.incrementAndGet(), "unitId", unit,
                        "unitName", "测试单位", "mode", "SOLE", "role", "SOLE", "assignedAt", MONDAY_MORNING,
                        "keyItem", keyItem, "leadingOfficial", "王副市长"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .queryParam("submissionId", submission).queryParam("stage", "SIGN_FOR").get("/api/v1/deadlines")
                .then().body("", hasSize(1)));
        return submission;
    }

    /**
     * Lets the dispatcher deliver what is due at the test's clock, then reads the delivery log. The clock
     * then moves on two minutes, so a delivery that failed (and waits a minute) is tried again at the
     * next look, as it would be in time; but never more than an hour in all, so that on a slow machine
     * the polls cannot carry the clock out of working hours, where nothing would be delivered any more.
     */
    private io.restassured.response.ValidatableResponse deliveredNow(long submission) {
        dispatcher.deliverDue();
        if (drift.compareTo(Duration.ofHours(1)) < 0) {
            clock.travel(Duration.ofMinutes(2));
            drift = drift.plusMinutes(2);
        }
        return deliveries(submission);
    }

    /** The same without moving the clock, for counting attempts. */
    private io.restassured.response.ValidatableResponse attemptedNow(long submission) {
        dispatcher.deliverDue();
        return deliveries(submission);
    }

    private static io.restassured.response.ValidatableResponse deliveries(long submission) {
        return given().auth().oauth2(Tokens.office()).queryParam("submissionId", submission).get("/api/v1/reminders")
                .then().statusCode(200);
    }

    private static List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(ReminderChannels.smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
