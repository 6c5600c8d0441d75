package io.banli.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.banli.kit.metrics.EventMetrics;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Publishes outbox rows to Kafka in batches: a batch of rows is handed to the producer at once, the relay
 * thread waits for all acknowledgements together, and the acknowledged rows are marked in one statement.
 * While a batch waits for its acknowledgements the next one is already selected and handed over. Runs right after each commit that wrote the outbox and, as a safety net for crashes and broker outages,
 * on a schedule.
 *
 * <p><b>Order.</b> The producer is idempotent ({@code enable.idempotence}, {@code acks=all}, at most 5
 * requests in flight), so records sent in a row reach their partition in that order, retries included. The
 * record key is the submission, so one submission's events keep the order in which the relay sends them.
 * Only one relay may run at a time across all replicas: a PostgreSQL advisory lock held by the relay's
 * database session for the length of a pass.
 *
 * <p><b>Which rows, in which order.</b> Ids come from a sequence, taken when a row is inserted, not when its
 * transaction commits, so id order and commit order differ for transactions that overlap. The relay takes
 * unpublished rows in id order and stops at the first whose writing transaction is not older than the oldest
 * transaction still in flight ({@code txid < pg_snapshot_xmin(pg_current_snapshot())}; the txid is kept in an
 * {@code xid8} column). Per submission that is commit order: two changes to one submission are serialised
 * (the second waits for the first's row lock, or starts after seeing its commit), so the second takes its id
 * after the first has committed; whenever the second's row is visible the first's is too, and comes first.
 * Stopping at the first row not yet below the horizon, rather than skipping it, is what keeps that true: the
 * second transaction may hold an older txid than the first (it wrote something else before it waited for the
 * lock) and so be below the horizon while the first is not yet. The horizon itself means a row goes out only
 * once every transaction that started before its own has ended. The price: a long-running writing
 * transaction holds back the rows committed after it started until it ends; the relay looks again shortly.
 *
 * <p><b>Delivery</b> is at least once: a crash (or a lost database connection) after the acknowledgement
 * but before the mark republishes the batch's rows; consumers are idempotent on the event id, so that is
 * harmless. With a healthy broker and database every row is sent once. Nothing here runs on Kafka's
 * threads: the acknowledgements are futures the relay thread waits for.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Arbitrary constant naming the relay's advisory lock in this service's database. */
    private static final long RELAY_LOCK = 0x62616e6c69L;
    private static final Duration MAX_HORIZON_WAIT = Duration.ofSeconds(2);

    @Inject
    DataSource dataSource;

    @Inject
    KafkaClientService kafka;

    /**
     * Declares the {@code outbox} channel, so Reactive Messaging creates its Kafka sink and producer
     * (configured under {@code mp.messaging.outgoing.outbox.*}); the relay sends through that producer
     * directly and never through this emitter.
     */
    @Inject
    @Channel("outbox")
    MutinyEmitter<String> channel;

    @Inject
    ManagedExecutor executor;

    @Inject
    EventMetrics metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** Rows per batch: one select, one wait for the acknowledgements, one update. */
    @ConfigProperty(name = "banli.outbox.batch-size", defaultValue = "5000")
    int batchSize;

    /** How long a batch may wait for all its acknowledgements before the unacknowledged rows are left for later. */
    @ConfigProperty(name = "banli.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Producer<String, String> producer;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        executor.runAsync(this::relay);
    }

    /**
     * Waits 10 s after start: on a loaded machine Reactive Messaging connects the channel several seconds
     * after the scheduler starts, and an earlier poll only logs errors. Events of requests served
     * meanwhile go out after their commit anyway.
     */
    @Scheduled(every = "${banli.outbox.poll-interval:2s}", delayed = "${banli.outbox.initial-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        relay();
    }

    /**
     * Publishes everything pending, then returns; call it outside any transaction (it manages its own).
     * A call while a pass runs makes that pass go round again and returns at once.
     */
    public void relay() {
        again.set(true);
        while (again.get() && running.tryLock()) {
            try {
                drain();
            } catch (SQLException | RuntimeException e) {
                Log.warnf("Outbox relay stopped, will retry: %s", e.getMessage());
                return;
            } finally {
                running.unlock();
            }
            // A call that came in between the last pass and the unlock found the lock taken: go round for it.
        }
    }

    private void drain() throws SQLException {
        long waitedMillis = 0;
        long pause = 5;
        while (again.getAndSet(false)) {
            Pass pass = publishPass();
            if (!pass.locked()) {
                return; // another replica is relaying
            }
            if (!pass.complete()) {
                return; // Kafka did not take everything: the poll tries again
            }
            if (pass.heldBack() && waitedMillis < MAX_HORIZON_WAIT.toMillis()) {
                // Rows waiting behind a transaction still in flight: look again shortly.
                sleep(pause);
                waitedMillis += pause;
                pause = Math.min(100, pause * 2);
                again.set(true);
            }
        }
    }

    /** How a pass ended: whether it held the lock, whether Kafka took everything, whether rows were held back. */
    private record Pass(boolean locked, boolean complete, boolean heldBack) {
    }

    private record Row(long id, String eventId, String topic, String type, String subject, String payload,
            OffsetDateTime occurredAt, String traceParent) {
    }

    /** The next rows to publish, and whether a row behind them waits for a transaction still in flight. */
    private record Selection(List<Row> rows, boolean heldBack) {
    }

    /** A batch handed to the producer: its rows, the futures of those handed over, when to stop waiting. */
    private record InFlight(List<Row> rows, List<Future<RecordMetadata>> sent, long deadline) {
        Set<Long> ids() {
            return rows.stream().map(Row::id).collect(Collectors.toSet());
        }
    }

    /**
     * Publishes everything pending on one connection that holds the relay's advisory lock for the pass. Each
     * statement commits on its own, so the relay never keeps a transaction open while Kafka works (its own
     * transaction would hold the horizon back). While one batch waits for its acknowledgements the next is
     * selected and handed over: the database and the broker work at the same time, and the producer keeps
     * the order in which batches are handed over.
     */
    private Pass publishPass() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            if (!advisory(db, "pg_try_advisory_lock")) {
                return new Pass(false, true, false);
            }
            try {
                return publishAll(db);
            } finally {
                unlock(db);
            }
        }
    }

    private Pass publishAll(Connection db) throws SQLException {
        InFlight previous = null;
        while (true) {
            Selection next = select(db, previous == null ? Set.of() : previous.ids());
            InFlight current = next.rows().isEmpty() ? null : handOver(next.rows());
            if (previous != null && !settle(db, previous)) {
                // Kafka refused part of the earlier batch: stop here; what it did not take stays pending.
                if (current != null) {
                    settle(db, current);
                }
                return new Pass(true, false, next.heldBack());
            }
            if (current == null) {
                return new Pass(true, true, next.heldBack());
            }
            if (next.rows().size() < batchSize) {
                return new Pass(true, settle(db, current), next.heldBack());
            }
            previous = current;
        }
    }

    /**
     * Unpublished rows in id order, but for those of the batch still in flight, each with whether its
     * transaction is below the horizon (taken from the statement's own snapshot). The selection is the prefix
     * of those that are: it stops at the first that is not.
     */
    private Selection select(Connection db, Set<Long> inFlight) throws SQLException {
        List<Row> rows = new ArrayList<>();
        boolean heldBack = false;
        try (PreparedStatement select = db.prepareStatement("""
                select id, cast(event_id as text), topic, event_type, aggregate_id, cast(payload as text),
                       occurred_at, trace_parent,
                       txid is null or txid < pg_snapshot_xmin(pg_current_snapshot())
                from outbox_event where published_at is null
                order by id limit ?""")) {
            select.setInt(1, batchSize + inFlight.size());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next() && rows.size() < batchSize) {
                    if (inFlight.contains(rs.getLong(1))) {
                        continue;
                    }
                    if (!rs.getBoolean(9)) {
                        heldBack = true;
                        break;
                    }
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8)));
                }
            }
        }
        return new Selection(rows, heldBack);
    }

    /**
     * Hands every row to the producer without waiting. Stops handing over at the first row the producer
     * refuses at once (broker unreachable, buffer full), so a dead broker costs one wait, not one per row.
     */
    private InFlight handOver(List<Row> rows) {
        Producer<String, String> kafkaProducer = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Future<RecordMetadata> future = kafkaProducer.send(record(row));
            sent.add(future);
            if (future.isDone() && failed(future)) {
                break;
            }
        }
        return new InFlight(rows, sent, System.nanoTime() + sendTimeout.toNanos());
    }

    /**
     * Waits on this thread for the batch's acknowledgements and marks the acknowledged rows in one statement;
     * true when Kafka took every row.
     */
    private boolean settle(Connection db, InFlight batch) throws SQLException {
        List<Row> acknowledged = new ArrayList<>(batch.sent().size());
        for (int i = 0; i < batch.sent().size(); i++) {
            try {
                batch.sent().get(i).get(Math.max(0, batch.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.rows().get(i));
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                Log.warnf("Kafka did not take outbox event %s (%s); it stays pending", batch.rows().get(i).eventId(),
                        cause.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!acknowledged.isEmpty()) {
            Long[] ids = acknowledged.stream().map(Row::id).toArray(Long[]::new);
            try (PreparedStatement mark = db.prepareStatement(
                    "update outbox_event set published_at = now() where id = any(?)")) {
                Array array = db.createArrayOf("bigint", ids);
                mark.setArray(1, array);
                mark.executeUpdate();
                array.free();
            }
            count(acknowledged);
        }
        return acknowledged.size() == batch.rows().size();
    }

    private static boolean advisory(Connection db, String function) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("select " + function + "(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Releases the pass's lock. The lock belongs to the database session, which outlives this use of the
     * pooled connection: should the release fail on a connection still alive, the connection is aborted, so
     * the session ends and takes the lock with it.
     */
    private static void unlock(Connection db) {
        try {
            advisory(db, "pg_advisory_unlock");
        } catch (SQLException e) {
            Log.warnf("Could not release the outbox relay's lock (%s); closing its connection", e.getMessage());
            try {
                db.abort(Runnable::run);
            } catch (SQLException ignored) {
                // The connection is gone already, and its session's lock with it.
            }
        }
    }

    private static boolean failed(Future<RecordMetadata> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The producer of the {@code outbox} channel, created on first use on the connector's sending thread. */
    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            io.smallrye.reactive.messaging.kafka.KafkaProducer<String, String> client = kafka.getProducer("outbox");
            if (client == null) {
                throw new IllegalStateException("the outbox channel is not connected yet");
            }
            p = client.runOnSendingThread(kafkaProducer -> kafkaProducer).await().atMost(sendTimeout);
            producer = p;
        }
        return p;
    }

    /** A CloudEvent in Kafka binary mode, with the same headers the messaging connector writes. */
    private ProducerRecord<String, String> record(Row row) {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(row.eventId()));
        headers.add("ce_type", bytes(row.type()));
        headers.add("ce_source", bytes("/banli/" + serviceName));
        headers.add("content-type", bytes("application/json"));
        headers.add("ce_subject", bytes(row.subject()));
        headers.add("ce_time", bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                row.occurredAt().atZoneSameInstant(ZoneOffset.UTC))));
        if (row.traceParent() != null) {
            headers.add("traceparent", bytes(row.traceParent()));
        }
        return new ProducerRecord<>(row.topic(), null, row.subject(), row.payload(), headers);
    }

    private void count(List<Row> acknowledged) {
        Map<List<String>, Integer> byTypeAndTopic = new HashMap<>();
        acknowledged.forEach(row -> byTypeAndTopic.merge(List.of(row.type(), row.topic()), 1, Integer::sum));
        byTypeAndTopic.forEach((key, n) -> metrics.published(key.get(0), key.get(1), n));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
