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
import static io.banli.intake.IntegrationFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.banli.intake.webhook.SecretCipher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12's third attack: a portal subscribing webhooks to addresses inside Banli's own network. A real HTTP
 * listener on the loopback interface stands for the database, the broker or a metadata service; it must receive
 * nothing, neither when the portal subscribes nor when a subscription stored earlier points there at delivery.
 */
@QuarkusTest
class WebhookSsrfTest {

    static HttpServer internal;
    static final List<String> REACHED = new CopyOnWriteArrayList<>();

    @Inject
    SecretCipher cipher;

    @Inject
    EntityManager em;

    @BeforeAll
    static void startAnInternalService() throws IOException {
        internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            REACHED.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        internal.start();
    }

    @AfterAll
    static void stop() {
        internal.stop(0);
    }

    int port() {
        return internal.getAddress().getPort();
    }

    @Test
    void subscriptionsToLoopbackLinkLocalAndPrivateAddressesAreRefusedAndNothingIsStored() {
        String clientId = client("ops@portal.example.com", List.of(member("DEPUTY")), List.of());
        String manager = token(clientId, "webhooks:manage", null);
        for (String url : List.of("https://127.0.0.1:" + port() + "/x", "https://169.254.169.254/latest",
                "https://[::1]:" + port() + "/x", "https://[fd00:ec2::254]/latest", "https://10.0.0.8/x",
                "https://100.64.0.1/x", "https://0.0.0.0:" + port() + "/x")) {
            as(manager).body(Map.of("callbackUrl", url, "eventTypes", List.of("assigned")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://banli.dev/problems/callback-not-allowed"));
        }
        // Plain http reaches only "localhost" (allowed for tests like a developer's run), never another spelling.
        as(manager).body(Map.of("callbackUrl", "http://[::ffff:127.0.0.1]:" + port() + "/x", "eventTypes",
                List.of("assigned"))).post("/api/v1/webhook-subscriptions").then().statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/insecure-callback"));
        as(manager).body(Map.of("callbackUrl", "https://user:secret@portal.example.com/x", "eventTypes",
                List.of("assigned"))).post("/api/v1/webhook-subscriptions").then().statusCode(400);
        given().auth().oauth2(manager).get("/api/v1/webhook-subscriptions").then().statusCode(200)
                .body("size()", equalTo(0));

        // A network the operator allows (the test configuration allows 10.123.0.0/16) is accepted.
        int allowed = as(manager).body(Map.of("callbackUrl", "https://10.123.4.5/hooks/banli", "eventTypes",
                List.of("assigned"))).post("/api/v1/webhook-subscriptions").then().statusCode(201)
                .extract().path("id");
        as(manager).delete("/api/v1/webhook-subscriptions/" + allowed).then().statusCode(200);
        assertThat(REACHED).isEmpty();
    }

    @Test
    void aStoredSubscriptionPointingInsideIsCheckedAgainAtDeliveryAndNeverSent() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        // A subscription stored earlier whose callback now leads inside (its name rebound, or the operator's
        // allow-list narrowed): written straight to the table, as no request could create it today.
        String rebound = client("ops@portal.example.com", List.of(lead), List.of());
        long inside = stored(rebound, "http://[::ffff:127.0.0.1]:" + port() + "/rebound");
        // The marker: a lawful subscription to the same listener for the same member.
        String lawful = client("ops@portal.example.com", List.of(lead), List.of());
        as(token(lawful, "webhooks:manage", null)).body(Map.of("callbackUrl", "http://127.0.0.1:" + port() + "/lawful",
                "eventTypes", List.of("assigned"))).post("/api/v1/webhook-subscriptions").then().statusCode(201);

        long item = registered(session, lead);
        publish(WORKFLOW, "banli.assignment.assigned.v1", newId(), item, assigned(item, 1, "市教育局"));

        await().atMost(Duration.ofSeconds(30)).until(() -> REACHED.contains("/lawful"));
        String manager = token(rebound, "webhooks:manage", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                given().auth().oauth2(manager).get("/api/v1/webhook-subscriptions/" + inside + "/deliveries")
                        .then().statusCode(200).extract().jsonPath().getList("items", Map.class))
                .singleElement().satisfies(d -> {
                    assertThat(((Number) d.get("attempts")).intValue()).isGreaterThanOrEqualTo(1);
                    assertThat(d.get("lastStatusCode")).isNull();
                    // One message for every failure: nothing about what answered, or did not, behind the URL.
                    assertThat(d.get("lastError")).isEqualTo("no answer from the callback URL");
                }));
        assertThat(REACHED).doesNotContain("/rebound");
    }

    private long stored(String clientId, String callbackUrl) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SecretCipher.Sealed secret = cipher.seal("whsec_stored-earlier");
            return ((Number) em.createNativeQuery("""
                    insert into webhook_subscription (client_id, callback_url, event_types, member_ids, unit_ids,
                        secret_ciphertext, secret_key_id, state, consecutive_failures, created_at, version)
                    values (:client, :url, '{assigned}', '{}', '{}', :secret, :key, 'ACTIVE', 0, :now, 0)
                    returning id""").setParameter("client", clientId).setParameter("url", callbackUrl)
                    .setParameter("secret", secret.ciphertext()).setParameter("key", secret.keyId())
                    .setParameter("now", Instant.now()).getSingleResult()).longValue();
        });
    }
}
