package io.banli.kit.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import io.banli.kit.consumer.Failures.Verdict;
import io.banli.kit.inbox.Inbox;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.kit.inbox.UnprocessableEventException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The one way every {@code @Incoming} method of every service applies a record. Each record is applied in a
 * transaction of its own, with the inbox (a redelivered event changes nothing), under a lock and a
 * statement timeout. When the attempt fails:
 * <ul>
 * <li>for a passing reason of the database ({@link Failures#isTransient}): retried with capped exponential
 * backoff for as long as the database stays away. The method does not return meanwhile, so the record is
 * not acknowledged, no offset is committed past it, and SmallRye pauses the partitions while its queue is
 * full. The channel shows as stalled (readiness DOWN, {@code banli_consumer_stalled});</li>
 * <li>because the event came before what it depends on ({@link io.banli.kit.inbox.EventNotReadyException}):
 * retried the same way for at most {@code banli.consumer.not-ready-for}, then dead-lettered;</li>
 * <li>for any other reason (not a CloudEvent, invalid data, a rule that will never pass, a bug): thrown,
 * so the channel's dead-letter-queue failure strategy puts the record on the service's dead-letter topic
 * with the reason and its original headers, and the partition moves on. {@code DeadLetters} replays it
 * after a fix.</li>
 * </ul>
 * Channels must be {@code @Blocking} (ordered), so one record of a partition is applied at a time. A channel that
 * receives its polls whole ({@code batch=true}) applies each in one transaction ({@link #applyBatch}).
 */
@ApplicationScoped
public class EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    ConsumerConfig config;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    Clock clock;

    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    void start(@Observes StartupEvent start) {
        // Every incoming channel shows in the gauges from the start, so an alert can tell 0 from absent.
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".connector")) {
                state(name.substring("mp.messaging.incoming.".length(), name.length() - ".connector".length()));
            }
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** Applies the record's event once through the inbox, with the handler for its type. */
    public void dispatch(String channel, ConsumerRecord<String, String> record,
            Map<String, Consumer<ReceivedEvent>> handlers) {
        apply(channel, record, () -> inbox.dispatch(record, handlers));
    }

    /** Runs {@code work} (which dispatches through the inbox) in a transaction per attempt, as described above. */
    public void apply(String channel, ConsumerRecord<String, String> record, Runnable work) {
        attempt(channel, where(record), work, false);
    }

    /**
     * Applies a poll's records (a channel with {@code batch=true}) in one transaction: a commit and its round trips
     * are paid once per batch, and {@code all} may do once what each record would have done (a rollup). Retried as
     * {@link #apply} retries while the database is away. A batch failing for any other reason is rolled back and
     * applied again record by record through {@code one}, each as {@link #apply} does, so the record at fault alone is
     * nacked to the channel's dead-letter topic (its send awaited) and the rest are applied. Acknowledges the batch
     * (its offsets) only after every record is applied or dead-lettered.
     */
    public CompletionStage<Void> applyBatch(String channel, KafkaRecordBatch<String, String> batch,
            Consumer<List<ConsumerRecord<String, String>>> all, Consumer<ConsumerRecord<String, String>> one) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        List<ConsumerRecord<String, String>> records = messages.stream().map(EventConsumer::consumerRecord).toList();
        if (records.isEmpty() || attempt(channel, "Batch of " + records.size() + " records from "
                + position(records.get(0)), () -> all.accept(records), true)) {
            return batch.ack();
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                apply(channel, record, () -> one.accept(record));
            } catch (RuntimeException e) {
                messages.get(i).nack(e).toCompletableFuture().join();
            }
        }
        return batch.ack();
    }

    /**
     * The retry loop of {@link #apply} and {@link #applyBatch}. True once {@code work} committed; false when a batch
     * failed for a reason other than the database (the caller splits it); a single record failing so is thrown.
     */
    private boolean attempt(String channel, String what, Runnable work, boolean batch) {
        ChannelState state = state(channel);
        Backoff backoff = new Backoff(config.firstBackoff(), config.maxBackoff());
        long waitingFrom = 0;
        for (int attempt = 0; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    limitWaits();
                    work.run();
                });
                if (attempt > 0) {
                    Log.infof("%s applied after %d failed attempts", what, attempt);
                }
                state.settled();
                return true;
            } catch (RuntimeException e) {
                if (stopping) {
                    holdUntilExit(what);
                }
                Verdict verdict = Failures.classify(e);
                if (batch && verdict != Verdict.RETRY) {
                    Log.debugf("%s applied record by record: %s", what, rootMessage(e));
                    return false;
                }
                if (verdict == Verdict.DEAD_LETTER) {
                    state.settled();
                    metrics.deadLettered(channel, e);
                    Log.warnf("%s goes to the dead-letter topic: %s", what, e.getMessage());
                    throw e;
                }
                if (verdict == Verdict.WAIT) {
                    waitingFrom = waitingFrom == 0 ? System.nanoTime() : waitingFrom;
                    Duration waited = Duration.ofNanos(System.nanoTime() - waitingFrom);
                    if (waited.compareTo(config.notReadyFor()) >= 0) {
                        state.settled();
                        UnprocessableEventException gaveUp = new UnprocessableEventException(
                                e.getMessage() + " (waited " + config.notReadyFor() + " for it)");
                        metrics.deadLettered(channel, gaveUp);
                        Log.warnf("%s goes to the dead-letter topic: %s", what, gaveUp.getMessage());
                        throw gaveUp;
                    }
                    state.waiting(clock.instant(), e.getMessage());
                } else {
                    state.stalled(clock.instant(), rootMessage(e));
                }
                metrics.retried(channel);
                Duration pause = backoff.pause(attempt);
                if (attempt == 0 || attempt % 20 == 0) {
                    Log.warnf("%s failed (%s, attempt %d), retrying in %d ms: %s", what,
                            verdict == Verdict.WAIT ? "not ready" : "database", attempt + 1, pause.toMillis(),
                            rootMessage(e));
                }
                sleep(pause);
            }
        }
    }

    /** Channel name → what it is doing, for the readiness check and the gauges. */
    Map<String, ChannelState> channels() {
        return channels;
    }

    private ChannelState state(String channel) {
        return channels.computeIfAbsent(channel, name -> {
            ChannelState state = new ChannelState();
            metrics.register(name, state);
            return state;
        });
    }

    /** A consumer stuck behind a lock or a runaway statement would hold its partition: fail, pause, retry. */
    private void limitWaits() {
        em.createNativeQuery("select set_config('lock_timeout', :lock, true), set_config('statement_timeout', :stmt, true)")
                .setParameter("lock", config.lockTimeout().toMillis() + "ms")
                .setParameter("stmt", config.statementTimeout().toMillis() + "ms")
                .getSingleResult();
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // Interrupted outside a shutdown: try again now; during one, the next failure holds the record.
            Thread.interrupted();
        }
    }

    /**
     * The service is stopping and the database fails: returning would acknowledge the record (lost) and
     * throwing would dead-letter it. Neither: the worker holds it until the process ends, its offset stays
     * uncommitted, and the next consumer of the partition applies it.
     */
    private static void holdUntilExit(String what) {
        Log.infof("%s stays unacknowledged: the service is stopping", what);
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.interrupted();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }

    private static String where(ConsumerRecord<String, String> record) {
        return "Record " + position(record);
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    static String rootMessage(Throwable e) {
        List<Throwable> chain = Failures.chain(e);
        Throwable root = chain.get(chain.size() - 1);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
