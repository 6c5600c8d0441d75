package io.banli.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.Inbox;
import io.banli.reporting.tables.Target;
import io.smallrye.common.annotation.Blocking;

/**
 * The live projection: every service's events, each applied once (the inbox skips redeliveries) in
 * the transaction that records it. A rebuild fills a fresh set of tables with the same writer.
 */
@ApplicationScoped
public class Projector {

    @Inject
    Inbox inbox;

    @Inject
    EventConsumer consumer;

    @Inject
    ProjectionWriter writer;

    @Inject
    LiveGate gate;

    @Incoming("events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        // A rebuild replacing the tables' rows holds the gate; events wait instead of meeting half-replaced tables.
        consumer.apply("events", record, () -> gate.whileOpen(() -> inbox.dispatch(record, writer.handlers(Target.LIVE))));
    }
}
