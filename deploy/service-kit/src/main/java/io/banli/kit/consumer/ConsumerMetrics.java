package io.banli.kit.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.kit.inbox.UnprocessableEventException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the consumers do with failures, per channel. Prometheus names:
 * {@code banli_consumer_retries_total{channel}} (failed attempts retried),
 * {@code banli_consumer_stalled{channel}} (1 while the channel retries a database failure),
 * {@code banli_consumer_waiting{channel}} (1 while its record waits for an event it depends on),
 * {@code banli_consumer_dead_lettered_total{channel, reason}} with reason {@code unprocessable} (not a
 * CloudEvent, invalid data, a rule that will never pass; including events that waited in vain) or
 * {@code error} (anything else, usually a bug: replay after the fix).
 */
@ApplicationScoped
public class ConsumerMetrics {

    @Inject
    MeterRegistry registry;

    void register(String channel, ChannelState state) {
        Gauge.builder("banli.consumer.stalled", state, ChannelState::stalledGauge).tag("channel", channel)
                .description("1 while the channel retries a record the database failed").register(registry);
        Gauge.builder("banli.consumer.waiting", state, ChannelState::waitingGauge).tag("channel", channel)
                .description("1 while the channel's record waits for an event it depends on").register(registry);
        registry.counter("banli.consumer.retries", "channel", channel);
        registry.counter("banli.consumer.dead.lettered", "channel", channel, "reason", "unprocessable");
        registry.counter("banli.consumer.dead.lettered", "channel", channel, "reason", "error");
    }

    void retried(String channel) {
        registry.counter("banli.consumer.retries", "channel", channel).increment();
    }

    void deadLettered(String channel, Throwable cause) {
        registry.counter("banli.consumer.dead.lettered", "channel", channel, "reason", reason(cause)).increment();
    }

    static String reason(Throwable error) {
        for (Throwable e : Failures.chain(error)) {
            if (e instanceof UnprocessableEventException) {
                return "unprocessable";
            }
        }
        return "error";
    }
}
