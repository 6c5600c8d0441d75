package io.banli.supervision.reminder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Delivers one reminder over its channel; throws when the channel did not take it. Every message carries the
 * reminder's delivery key, the same on each attempt, so a receiver can tell a repeated delivery.
 */
@ApplicationScoped
public class Channels {

    // HTTP/1.1: SMS gateways and webhook receivers are plain web servers; no h2c upgrade dance.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    ReactiveMailer mailer;

    @Inject
    ObjectMapper mapper;

    @Inject
    ReminderConfig config;

    public void deliver(Reminder reminder) throws IOException, InterruptedException {
        switch (reminder.channel) {
            // Bounded: a mail server that does not answer must not hold up every other reminder.
            case EMAIL -> mailer.send(Mail.withText(reminder.address, "【建议提案办理】" + subject(reminder),
                    reminder.message).addHeader("Message-ID", "<" + reminder.deliveryKey + "@reminders.banli>"))
                    .await().atMost(Duration.ofSeconds(5));
            case SMS -> post(config.smsUrl().orElseThrow(() -> new IOException("No SMS gateway is configured")),
                    Map.of("phone", reminder.address, "text", reminder.message), "application/json", reminder);
            case WEBHOOK -> post(reminder.address, Map.of(
                    "specversion", "1.0", "id", reminder.deliveryKey.toString(),
                    "type", "banli.supervision.reminder.v1", "source", "/banli/supervision-service",
                    "subject", String.valueOf(reminder.submissionId), "datacontenttype", "application/json",
                    "data", Map.of("submissionId", reminder.submissionId, "deadlineId", reminder.deadlineId,
                            "unitId", reminder.unitId, "level", reminder.level, "text", reminder.message)),
                    "application/cloudevents+json", reminder);
        }
    }

    /** The delivery key goes along as {@code Idempotency-Key}: a gateway can refuse to send the same text twice. */
    private void post(String url, Object body, String contentType, Reminder reminder)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType).header("Idempotency-Key", reminder.deliveryKey.toString())
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered " + response.statusCode());
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Reminder reminder) {
        return "RED".equals(reminder.level) ? "逾期督办" : "办理预警";
    }
}
