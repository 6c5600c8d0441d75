package io.banli.intake.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** POSTs one delivery as a CloudEvent in HTTP binary mode, signed; says what came back. */
@ApplicationScoped
class WebhookSender {

    /** What an attempt gave: a status code, or the error that stood in for one. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    Clock clock;

    @ConfigProperty(name = "banli.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Outcome send(WebhookSubscription subscription, WebhookDelivery delivery) {
        Instant now = clock.instant();
        String previous = subscription.previousSecretValidUntil != null
                && now.isBefore(subscription.previousSecretValidUntil) ? subscription.previousSecret : null;
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.callbackUrl)).timeout(timeout)
                .header("ce-specversion", "1.0")
                .header("ce-id", delivery.eventId)
                .header("ce-type", delivery.eventType)
                .header("ce-source", delivery.eventSource)
                .header("ce-subject", delivery.submissionId == null ? "" : String.valueOf(delivery.submissionId))
                .header("ce-time", delivery.eventTime.toString())
                .header("content-type", "application/json")
                .header("Banli-Webhook-Id", String.valueOf(subscription.id))
                .header("Banli-Delivery-Id", String.valueOf(delivery.id))
                .header("Banli-Signature", WebhookSignature.header(now.getEpochSecond(), delivery.body,
                        subscription.secret, previous))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), response.statusCode() / 100 == 2 ? null
                    : "the receiver answered " + response.statusCode());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(null, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Outcome(null, "could not connect: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }
}
