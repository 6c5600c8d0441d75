package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.registered;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntegrationFixtures.WORKFLOW;
import static io.banli.intake.IntegrationFixtures.assigned;
import static io.banli.intake.IntegrationFixtures.client;
import static io.banli.intake.IntegrationFixtures.newId;
import static io.banli.intake.IntegrationFixtures.publish;
import static io.banli.intake.IntegrationFixtures.replied;
import static io.banli.intake.IntegrationFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.banli.testing.TestClock;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A portal's receiver, for real: an HTTP server in the test that checks every signature against the secret it
 * was given, records the {@code ce-id}s it accepted, and answers 503 while it is told to fail.
 */
@QuarkusTest
class WebhookDeliveryTest {

    record Received(String path, String ceId, String ceType, String body, String signature) {
    }

    static HttpServer receiver;
    static final List<Received> ACCEPTED = new CopyOnWriteArrayList<>();
    static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    static final Map<String, String> OLD_SECRETS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> FAILURES_TO_COME = new ConcurrentHashMap<>();
    static final List<String> BAD_SIGNATURES = new CopyOnWriteArrayList<>();
    /** Paths whose receiver holds each request open until the test lets it answer. */
    static final Map<String, java.util.concurrent.CountDownLatch> HANGING = new ConcurrentHashMap<>();
    static final List<String> ENTERED = new CopyOnWriteArrayList<>();

    @Inject
    TestClock clock;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", WebhookDeliveryTest::receive);
        // Like a real receiver, it answers several requests at once.
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** What a receiver does: verify, refuse stale timestamps, dedupe on ce-id is left to the assertions. */
    static void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String signature = exchange.getRequestHeaders().getFirst("Banli-Signature");
        ENTERED.add(path);
        java.util.concurrent.CountDownLatch hang = HANGING.get(path);
        if (hang != null) {
            try {
                hang.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!verified(path, body, signature)) {
            BAD_SIGNATURES.add(path + " " + signature);
            exchange.sendResponseHeaders(400, -1);
        } else if (FAILURES_TO_COME.computeIfAbsent(path, p -> new AtomicInteger()).getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
            exchange.sendResponseHeaders(503, -1);
        } else {
            ACCEPTED.add(new Received(path, exchange.getRequestHeaders().getFirst("ce-id"),
                    exchange.getRequestHeaders().getFirst("ce-type"), body, signature));
            exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    /** t=<unix>,v1=<hex>[,v1=<hex>]: one v1 must match HMAC-SHA256(secret, "<t>.<body>"). */
    static boolean verified(String path, String body, String header) {
        String secret = SECRETS.get(path);
        if (header == null || secret == null) {
            return false;
        }
        String t = null;
        List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signatures.add(part.substring(3));
            }
        }
        return t != null && signatures.contains(hmac(secret, t + "." + body));
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String callback(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    long subscribe(String manager, String path, List<String> types) {
        JsonPath created = as(manager).body(Map.of("callbackUrl", callback(path), "eventTypes", types))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).body("state", equalTo("ACTIVE"))
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        SECRETS.put(path, created.getString("secret"));
        return created.getLong("id");
    }

    static List<Map<String, Object>> deliveries(String token, long subscription) {
        return given().auth().oauth2(token).get("/api/v1/webhook-subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static List<String> accepted(String path) {
        return ACCEPTED.stream().filter(r -> r.path().equals(path)).map(Received::ceId).toList();
    }

    @Test
    void signedAssignedAndRepliedArriveAfterRetriesOnceEachAndNeverForAForeignMember() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long foreign = member("DEPUTY");
        String clientId = client("ops@portal.example.com", List.of(lead), List.of());
        String manager = token(clientId, "webhooks:manage", null);
        String path = "/portal-" + clientId;
        long subscription = subscribe(manager, path, List.of("assigned", "replied"));
        FAILURES_TO_COME.put(path, new AtomicInteger(2));
        long mine = registered(session, lead);
        long theirs = registered(session, foreign);

        String assignedId = newId();
        String repliedId = newId();
        publish(WORKFLOW, "banli.assignment.assigned.v1", newId(), theirs, assigned(theirs, 1, "市教育局"));
        publish(WORKFLOW, "banli.assignment.assigned.v1", assignedId, mine, assigned(mine, 1, "市教育局"));
        // The same Kafka event again, as after a rebalance: still one delivery.
        publish(WORKFLOW, "banli.assignment.assigned.v1", assignedId, mine, assigned(mine, 1, "市教育局"));
        publish(WORKFLOW, "banli.assignment.replied.v1", repliedId, mine, replied(mine, 1, 9101, List.of(lead, foreign)));

        // The first attempt meets a 503; the replied event waits behind the assigned one of the same item.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(manager, subscription))
                .anySatisfy(d -> {
                    assertThat(d.get("eventId")).isEqualTo(assignedId);
                    assertThat(d.get("attempts")).isEqualTo(1);
                    assertThat(d.get("lastStatusCode")).isEqualTo(503);
                }));
        assertThat(accepted(path)).isEmpty();
        clock.travel(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(manager, subscription))
                .anySatisfy(d -> assertThat(d.get("attempts")).isEqualTo(2)));
        clock.travel(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path).size() == 2);

        assertThat(accepted(path)).containsExactly(assignedId, repliedId);
        assertThat(BAD_SIGNATURES).isEmpty();
        Received reply = ACCEPTED.stream().filter(r -> r.ceId().equals(repliedId)).findFirst().orElseThrow();
        assertThat(reply.ceType()).isEqualTo("banli.assignment.replied.v1");
        // Only the member the client acts for is named among the recipients.
        assertThat(JsonPath.from(reply.body()).getList("recipientIds", Integer.class)).containsExactly((int) lead);
        List<Map<String, Object>> all = deliveries(manager, subscription);
        assertThat(all).extracting(d -> d.get("eventId")).containsExactlyInAnyOrder(assignedId, repliedId);
        assertThat(all).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("DELIVERED"));
        given().auth().oauth2(manager).queryParam("status", "DELIVERED")
                .get("/api/v1/webhook-subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                .body("total", equalTo(2));

        // The foreign member's item was consumed (its unit may read it now) and never delivered.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.unitStaff(1))
                .get("/api/v1/submissions/" + theirs).then().statusCode(200));
        assertThat(deliveries(manager, subscription)).hasSize(2);

        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("banli_webhook_deliveries_total{outcome=\"delivered\"")
                .contains("banli_webhook_deliveries_total{outcome=\"retried\"");

        // A redelivery asked for by the client goes out again with the same ce-id.
        long repliedDelivery = all.stream().filter(d -> d.get("eventId").equals(repliedId))
                .map(d -> ((Number) d.get("id")).longValue()).findFirst().orElseThrow();
        as(manager).post("/api/v1/webhook-deliveries/" + repliedDelivery + "/redelivery").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path).size() == 3);
        assertThat(accepted(path).get(2)).isEqualTo(repliedId);
    }

    @Test
    void aSubscriptionFailingForADayIsPausedItsOwnerToldAndResumptionDeliversTheBacklogInOrder() throws Exception {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        String contact = "ops-" + System.nanoTime() + "@portal.example.com";
        String clientId = client(contact, List.of(lead), List.of());
        String manager = token(clientId, "webhooks:manage", null);
        String path = "/down-" + clientId;
        long subscription = subscribe(manager, path, List.of("assigned", "replied"));
        FAILURES_TO_COME.put(path, new AtomicInteger(-1));
        long item = registered(session, lead);

        String first = newId();
        publish(WORKFLOW, "banli.assignment.assigned.v1", first, item, assigned(item, 2, "市交通运输局"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(manager, subscription))
                .singleElement().satisfies(d -> assertThat(d.get("attempts")).isEqualTo(1)));

        // A day later the receiver still fails: the subscription is paused and its contact told.
        clock.travel(Duration.ofHours(24).plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(manager)
                .get("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(200)
                .body("state", equalTo("PAUSED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.smtp.getReceivedMessagesForDomain(contact).length == 1);
        MimeMessage mail = Mailbox.smtp.getReceivedMessagesForDomain(contact)[0];
        assertThat(mail.getSubject()).contains("Webhook subscription " + subscription + " paused");
        assertThat(given().auth().oauth2(Tokens.auditor()).queryParam("subjectType", "webhook-subscription")
                .queryParam("subjectId", subscription).get("/api/v1/audit-log").then().statusCode(200)
                .extract().jsonPath().getList("action", String.class))
                .contains("webhook-subscription.created", "webhook-subscription.paused");

        // While paused, new events still queue.
        String second = newId();
        publish(WORKFLOW, "banli.assignment.replied.v1", second, item, replied(item, 2, 9201, List.of(lead)));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(manager, subscription).size() == 2);
        assertThat(accepted(path)).isEmpty();

        FAILURES_TO_COME.get(path).set(0);
        as(manager).post("/api/v1/webhook-subscriptions/" + subscription + "/resumption").then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path).size() == 2);
        assertThat(accepted(path)).containsExactly(first, second);
        as(manager).post("/api/v1/webhook-subscriptions/" + subscription + "/resumption").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aHangingReceiverHoldsUpOnlyItsOwnDeliveriesNeverAnotherPlatforms() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        String slowClient = client("ops@hanging-portal.example.com", List.of(lead), List.of());
        String fastClient = client("ops@quick-portal.example.com", List.of(lead), List.of());
        String slowPath = "/hanging-" + slowClient;
        String fastPath = "/quick-" + fastClient;
        String slowManager = token(slowClient, "webhooks:manage", null);
        long slow = subscribe(slowManager, slowPath, List.of("registered"));
        subscribe(token(fastClient, "webhooks:manage", null), fastPath, List.of("registered"));
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        HANGING.put(slowPath, answer);
        try {
            registered(session, lead);
            // The hanging receiver has the request and holds it open...
            await().atMost(Duration.ofSeconds(30)).until(() -> ENTERED.contains(slowPath));
            // ...while the other platform gets its delivery: nobody waits for the hanging one's timeout.
            await().atMost(Duration.ofSeconds(30)).until(() -> !accepted(fastPath).isEmpty());
            assertThat(deliveries(slowManager, slow)).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("status", "PENDING").containsEntry("attempts", 0));
        } finally {
            answer.countDown();
        }
        // Let go, the hanging receiver answers and its delivery is recorded once.
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(slowPath).size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(slowManager, slow))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 1)));
    }

    @Test
    void intakesOwnEventsAndAlertsOfACoveredUnitArriveToo() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long stranger = member("DEPUTY");
        long unit = 6_000 + lead;
        String clientId = client("ops@unit-system.example.com", List.of(lead), List.of(unit));
        String manager = token(clientId, "webhooks:manage", null);
        String path = "/units-" + clientId;
        subscribe(manager, path, List.of("registered", "overdue"));

        // Intake's own registered event is delivered once published; a stranger's item is not.
        registered(session, stranger);
        long item = registered(session, lead);
        await().atMost(Duration.ofSeconds(30)).until(() -> ACCEPTED.stream()
                .anyMatch(r -> r.path().equals(path) && "banli.intake.submission.registered.v1".equals(r.ceType())));
        Received registration = ACCEPTED.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        assertThat(JsonPath.from(registration.body()).getLong("submissionId")).isEqualTo(item);

        // An overdue alert about the covered unit arrives even for a stranger's item; another unit's does not.
        long strangersItem = registered(session, stranger);
        String otherUnitsAlert = newId();
        String coveredUnitsAlert = newId();
        publish(IntegrationFixtures.ALERTS, "banli.supervision.overdue.v1", otherUnitsAlert, strangersItem,
                Map.of("submissionId", strangersItem, "deadlineId", 1, "unitId", unit + 1, "stage", "REPLY",
                        "dueAt", "2030-01-01T00:00:00Z", "detectedAt", "2030-01-02T00:00:00Z"));
        publish(IntegrationFixtures.ALERTS, "banli.supervision.overdue.v1", coveredUnitsAlert, strangersItem,
                Map.of("submissionId", strangersItem, "deadlineId", 2, "unitId", unit, "stage", "REPLY",
                        "dueAt", "2030-01-01T00:00:00Z", "detectedAt", "2030-01-02T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path).contains(coveredUnitsAlert));
        assertThat(accepted(path)).doesNotContain(otherUnitsAlert);
        assertThat(ACCEPTED.stream().filter(r -> r.path().equals(path)).map(Received::ceType))
                .containsOnlyOnce("banli.intake.submission.registered.v1");
    }

    @Test
    void afterARotationBothSecretsSignForADay() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        String clientId = client("ops@portal.example.com", List.of(lead), List.of());
        String manager = token(clientId, "webhooks:manage", null);
        String path = "/rotating-" + clientId;
        long subscription = subscribe(manager, path, List.of("assigned"));
        String old = SECRETS.get(path);
        String fresh = as(manager).post("/api/v1/webhook-subscriptions/" + subscription + "/secret-rotation")
                .then().statusCode(200).body("secret", startsWith("whsec_")).extract().path("secret");
        assertThat(fresh).isNotEqualTo(old);
        SECRETS.put(path, fresh);
        long item = registered(session, lead);
        String id = newId();
        publish(WORKFLOW, "banli.assignment.assigned.v1", id, item, assigned(item, 3, "市住房和城乡建设局"));
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path).size() == 1);
        Received received = ACCEPTED.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        String t = received.signature().split(",")[0].substring(2);
        assertThat(received.signature()).contains("v1=" + hmac(fresh, t + "." + received.body()))
                .contains("v1=" + hmac(old, t + "." + received.body()));
        // The secret is never shown again.
        given().auth().oauth2(manager).get("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(200)
                .body("secret", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void whoMayManageWhatAndBadInputChangesNothing() {
        long covered = member("DEPUTY");
        long other = member("DEPUTY");
        String clientId = client("ops@portal.example.com", List.of(covered), List.of(5L));
        String manager = token(clientId, "webhooks:manage", null);
        String otherClient = client("ops@other.example.com", List.of(other), List.of());
        String otherManager = token(otherClient, "webhooks:manage", null);
        long subscription = subscribe(manager, "/acl-" + clientId, List.of("assigned"));

        as(manager).body(Map.of("callbackUrl", "http://portal.example.com/hook", "eventTypes", List.of("assigned")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://banli.dev/problems/insecure-callback"));
        as(manager).body(Map.of("callbackUrl", callback("/x"), "eventTypes", List.of("everything")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(400).contentType("application/problem+json");
        as(manager).body(Map.of("callbackUrl", callback("/x"), "eventTypes", List.of("assigned"),
                "memberIds", List.of(other))).post("/api/v1/webhook-subscriptions").then().statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/not-covered"));
        as(manager).body(Map.of("callbackUrl", callback("/x"), "eventTypes", List.of("assigned"),
                "unitIds", List.of(6))).post("/api/v1/webhook-subscriptions").then().statusCode(422);
        as(manager).body(Map.of("callbackUrl", callback("/x"), "eventTypes", List.of())).post("/api/v1/webhook-subscriptions")
                .then().statusCode(400);
        // Without the scope: 403; another client's subscription: 404; office and auditor read, never change.
        as(token(clientId, "progress:read", null)).body(Map.of("callbackUrl", callback("/x"), "eventTypes",
                List.of("assigned"))).post("/api/v1/webhook-subscriptions").then().statusCode(403);
        given().auth().oauth2(otherManager).get("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(404);
        as(otherManager).delete("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(404);
        given().auth().oauth2(otherManager).get("/api/v1/webhook-subscriptions").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) subscription)));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/webhook-subscriptions/" + subscription).then()
                .statusCode(200).body("clientId", equalTo(clientId));
        as(Tokens.office()).delete("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(403);
        given().auth().oauth2(Tokens.member(covered)).get("/api/v1/webhook-subscriptions").then().statusCode(403);
        given().auth().oauth2(manager).get("/api/v1/webhook-subscriptions").then().statusCode(200)
                .body("size()", equalTo(1));

        as(manager).delete("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(200)
                .body("state", equalTo("STOPPED"));
        as(manager).delete("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(409);
    }
}
