package io.banli.reporting.projection;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.banli.kit.consumer.EventConsumer;
import io.banli.kit.inbox.Inbox;
import io.banli.reporting.statistics.Rollups;
import io.banli.reporting.tables.Target;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The live projection: every service's events, each applied once (the inbox skips redeliveries) in the transaction
 * that records it. A poll's events share one transaction, and the statistics' rollups of the submissions they changed
 * are brought up once at its end rather than after each event: one event at a time, the rollups' statements set the
 * consumer's pace (263 events/s in {@code RebuildBenchmark}). A rebuild fills a fresh set of tables with the same
 * writer.
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
    Rollups rollups;

    @Inject
    LiveGate gate;

    @Incoming("events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        // A rebuild replacing the tables' rows holds the gate; events wait instead of meeting half-replaced tables.
        return consumer.applyBatch("events", batch, records -> gate.whileOpen(() -> rollups.once(Target.LIVE,
                () -> records.forEach(this::dispatch))), record -> gate.whileOpen(() -> dispatch(record)));
    }

    private void dispatch(ConsumerRecord<String, String> record) {
        inbox.dispatch(record, writer.handlers(Target.LIVE));
    }
}
