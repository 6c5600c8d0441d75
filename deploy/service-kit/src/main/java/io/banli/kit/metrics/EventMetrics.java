package io.banli.kit.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters derived from the event stream. Every state change of the domain is announced
 * through the outbox, so counting published events by CloudEvents type gives ops the business figures
 * without touching the services: submissions registered ({@code banli.intake.submission.registered.v1}),
 * replies ({@code banli.assignment.replied.v1}), overdue alerts ({@code banli.supervision.overdue.v1})...
 *
 * <p>Prometheus name: {@code banli_events_published_total{type, topic}}. Counted after Kafka
 * acknowledged the record, so the figure is what consumers can see.
 */
@ApplicationScoped
public class EventMetrics {

    static final String PUBLISHED = "banli.events.published";

    @Inject
    MeterRegistry registry;

    public void published(String type, String topic) {
        published(type, topic, 1);
    }

    public void published(String type, String topic, int events) {
        registry.counter(PUBLISHED, "type", type, "topic", topic).increment(events);
    }
}
