package io.banli.reporting.rebuild;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.kit.inbox.UnprocessableEventException;
import io.banli.kit.problem.Problems;
import io.banli.reporting.projection.LiveGate;
import io.banli.reporting.projection.ParsedEvent;
import io.banli.reporting.projection.ProjectionWriter;
import io.banli.reporting.statistics.Rollups;
import io.banli.reporting.tables.Recording;
import io.banli.reporting.tables.Target;
import io.banli.reporting.tables.Writes;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.RolledUpStatistics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the projection from the topics: fresh tables are filled from the first record of every
 * topic with the same writer as the live consumer, then, with the live consumer held at the gate,
 * the last records are caught up, the rebuilt statistics are compared with the live ones and the
 * fresh tables' rows replace the live ones (inbox included, so nothing is applied twice afterwards).
 * Needs topics that keep every record (no time-based deletion), which is how Banli's are configured.
 */
@ApplicationScoped
public class RebuildService {

    static final List<String> TOPICS = List.of("banli.intake.submissions", "banli.assignment.workflow",
            "banli.supervision.alerts");
    /**
     * Connections a batch is applied on at once, by submission: while one lane waits for PostgreSQL's answer another
     * sends. Measured on two cores: one lane kept the machine one core busy, two and three (with batches of 5,000)
     * about 1.6 of its 2 cores.
     */
    static final int LANES = 3;
    /** Threads a batch is recorded on at once, by partition: the recording is the service's share of the replay. */
    static final int RECORDERS = 2;
    static final List<String> TABLES = List.of("item", "unit_part", "evaluation", "commitment", "progress_item",
            "progress_co_signer", "progress_member", "progress_handling", "progress_deadline", "progress_reply",
            "platform_grant", "stat_item", "stat_item_sum", "stat_part", "stat_part_sum", "inbox_event");

    @Inject
    EntityManager em;

    @Inject
    Rollups rollups;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ManagedExecutor executor;

    @Inject
    ProjectionWriter writer;

    @Inject
    ObjectMapper mapper;

    @Inject
    Writes writes;

    @Inject
    RolledUpStatistics statistics;

    @Inject
    LiveGate gate;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Starts a rebuild unless one is running (409). */
    public RebuildRun start() {
        Number running = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from rebuild_run where state = 'RUNNING'").getSingleResult());
        if (running.longValue() > 0) {
            throw Problems.illegalTransition("A rebuild is already RUNNING; wait for it to finish.");
        }
        long id = QuarkusTransaction.requiringNew().call(() -> {
            long run = ((Number) em.createNativeQuery("insert into rebuild_run (started_at, state) values (:at, "
                    + "'RUNNING') returning id").setParameter("at", clock.instant()).getSingleResult()).longValue();
            audit.record("projection.rebuild-started", "rebuild", run, "replay of " + String.join(", ", TOPICS));
            return run;
        });
        executor.runAsync(() -> run(id));
        return find(id).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RebuildRun> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, state, started_at, finished_at, total, applied, "
                + "matches_live, detail from rebuild_run where id = :id").setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> new RebuildRun(((Number) r[0]).longValue(), (String) r[1],
                instant(r[2]), instant(r[3]), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                (Boolean) r[6], (String) r[7]));
    }

    private void run(long id) {
        try {
            // The rebuild_ tables come from the migrations: the service's role creates no table (README, Security).
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("truncate " + String.join(", ",
                    TABLES.stream().map(Target.REBUILD::table).toList())).executeUpdate());
            try (Replay replay = new Replay(bootstrapServers, TOPICS)) {
                var ends = replay.ends();
                long total = replay.remaining(ends);
                update(id, "total = :n", total);
                // The next batch is read and recorded here while the database applies the previous one on other
                // threads, and its ids go into the inbox beside that (after the previous batch's ids): the service's
                // work and PostgreSQL's overlap, one batch in flight.
                AtomicReference<CompletableFuture<Set<String>>> inboxed = new AtomicReference<>(
                        CompletableFuture.completedFuture(Set.of()));
                AtomicReference<CompletableFuture<Void>> applying = new AtomicReference<>(
                        CompletableFuture.completedFuture(null));
                AtomicLong applied = new AtomicLong();
                long replayFrom = System.nanoTime();
                replay.readTo(ends, batch -> {
                    Recording recording = record(batch);
                    CompletableFuture<Set<String>> first = inboxed.get().thenApplyAsync(previous -> QuarkusTransaction
                            .requiringNew().call(() -> firstSeen(recording.ids(), recording.types())), executor);
                    inboxed.set(first);
                    applying.get().join();
                    applying.set(first.thenCompose(seen -> apply(recording, seen)).thenRun(() -> update(id,
                            "applied = :n", applied.addAndGet(batch.size()))));
                });
                applying.get().join();
                long refillFrom = System.nanoTime();
                // Summed once from the replayed rows, before the live consumer is held; the catch-up follows them.
                // The items' sums and the parts' on two connections at once: each is one statement on one core.
                CompletableFuture<Void> items = executor.runAsync(() -> QuarkusTransaction.requiringNew()
                        .run(() -> rollups.refillItems(Target.REBUILD)));
                QuarkusTransaction.requiringNew().run(() -> rollups.refillParts(Target.REBUILD));
                items.join();
                long swapFrom = System.nanoTime();
                gate.closed(() -> QuarkusTransaction.requiringNew().run(() -> swap(id, replay, total)));
                Log.infof("Rebuild %d took: replay %.2f s, the rollups' refill %.2f s, catch-up, comparison and swap "
                        + "%.2f s", id, (refillFrom - replayFrom) / 1e9, (swapFrom - refillFrom) / 1e9,
                        (System.nanoTime() - swapFrom) / 1e9);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Rebuild %d failed", id);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update rebuild_run set state = 'FAILED', "
                    + "finished_at = :at, detail = :d where id = :id").setParameter("at", clock.instant())
                    .setParameter("d", String.valueOf(e.getMessage())).setParameter("id", id).executeUpdate());
        }
    }

    /** With the live consumer held: catch up, compare, and put the fresh tables in place, in one transaction. */
    private void swap(long id, Replay replay, long total) {
        em.createNativeQuery("lock table " + String.join(", ", TABLES) + " in access exclusive mode").executeUpdate();
        var ends = replay.ends();
        long[] more = {0};
        replay.readTo(ends, batch -> {
            applyAll(batch);
            more[0] += batch.size();
        });
        // The figures as served (the rollups), both as of one instant: what is past due is the same on both sides.
        Instant now = clock.instant();
        Statistics live = comparable(statistics.compute(new Filter(), 2, now, Target.LIVE));
        Statistics rebuilt = comparable(statistics.compute(new Filter(), 2, now, Target.REBUILD));
        boolean same = live.equals(rebuilt);
        // Copied rather than renamed: renaming takes ownership, which the service's role does not have.
        for (String t : TABLES) {
            replaceRows(t);
        }
        em.createNativeQuery("truncate " + String.join(", ", TABLES.stream().map(Target.REBUILD::table).toList()))
                .executeUpdate();
        em.createNativeQuery("update rebuild_run set state = 'DONE', finished_at = :at, total = :total, "
                + "applied = :total, matches_live = :same, detail = :d where id = :id")
                .setParameter("at", clock.instant()).setParameter("total", total + more[0]).setParameter("same", same)
                .setParameter("d", same ? "rebuilt statistics equal the live ones" : "rebuilt statistics differ from "
                        + "the live ones (live " + live.total() + " items, rebuilt " + rebuilt.total() + "); the rebuilt "
                        + "projection, read from the topics, is now live")
                .setParameter("id", id).executeUpdate();
        Log.infof("Rebuild %d done: %d records, matches live: %s", id, total + more[0], same);
    }

    /**
     * Makes the live table hold the fresh one's rows: emptied and copied, except the inbox, the largest table (a row
     * per event). The live inbox keeps the ids the live consumer applied, with the times it received them, and takes
     * from the fresh one only the ids it lacks: the records the rebuild applied and the live consumer has not yet
     * (its catch-up's among them), so that the live consumer skips them when it reads them.
     */
    private void replaceRows(String table) {
        String fresh = Target.REBUILD.table(table);
        if (table.equals("inbox_event")) {
            em.createNativeQuery("insert into inbox_event select * from " + fresh + " f where not exists (select 1 "
                    + "from inbox_event i where i.event_id = f.event_id)").executeUpdate();
            return;
        }
        em.createNativeQuery("truncate " + table).executeUpdate();
        em.createNativeQuery("insert into " + table + " select * from " + fresh).executeUpdate();
    }

    /** The record as an event; null for one that is not a CloudEvent, which the replay skips. */
    private static ReceivedEvent eventOf(ConsumerRecord<String, String> record) {
        try {
            return ReceivedEvent.of(record);
        } catch (IllegalArgumentException notACloudEvent) {
            return null; // the live consumer sent it to the dead-letter topic; so does the replay, by skipping it
        }
    }

    /**
     * Records what a batch of the replay writes to the fresh tables, without touching the database: the writers'
     * statements for every event, with the statistics' rollups left to the refill after the replay. The batch's
     * partitions are divided among {@link #RECORDERS} threads, each partition's records recorded in their order by one
     * of them; a submission's events of one topic share its partition, so each keeps its order, and events of
     * different partitions were never ordered against each other (the live consumer interleaves them as they come).
     */
    private Recording record(List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, Integer> recorderOf = new HashMap<>();
        List<List<ConsumerRecord<String, String>>> parts = new ArrayList<>();
        for (int i = 0; i < RECORDERS; i++) {
            parts.add(new ArrayList<>());
        }
        for (ConsumerRecord<String, String> record : batch) {
            int recorder = recorderOf.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    p -> recorderOf.size() % RECORDERS);
            parts.get(recorder).add(record);
        }
        List<CompletableFuture<Recording>> others = parts.subList(1, RECORDERS).stream()
                .map(part -> executor.supplyAsync(() -> recordPart(part))).toList();
        List<Recording> recordings = new ArrayList<>(List.of(recordPart(parts.get(0))));
        others.forEach(other -> recordings.add(other.join()));
        return Recording.joined(recordings);
    }

    private Recording recordPart(List<ConsumerRecord<String, String>> records) {
        Recording recording = new Recording();
        writes.recording(recording, () -> {
            for (ConsumerRecord<String, String> record : records) {
                ReceivedEvent received = eventOf(record);
                if (received == null) {
                    continue;
                }
                // Parsed once here for the submission's id and every writer.
                ParsedEvent event = new ParsedEvent(received, mapper);
                recording.event(event.id(), event.type(), writer.submissionId(event));
                try {
                    writer.applyUnsummed(Target.REBUILD, event);
                } catch (UnprocessableEventException refused) {
                    Log.debugf("Rebuild skips %s: %s", event.id(), refused.getMessage());
                }
            }
        });
        return recording;
    }

    /**
     * Applies a recorded batch to the fresh tables, the statements of the events seen first ({@code first}) sent
     * together ({@link Recording}): its lanes by submission and its shared rows at once, each in a transaction of its
     * own. Gives the tables {@link #applyAll} would give, at a fraction of the round trips; a lane that fails fails
     * the rebuild, whose tables are emptied by the next one.
     */
    private CompletableFuture<Void> apply(Recording recording, Set<String> first) {
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int mine = lane;
            parts.add(executor.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class)
                    .doWork(connection -> recording.executeLane(connection, first, mine, LANES)))));
        }
        parts.add(executor.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class)
                .doWork(connection -> recording.executeShared(connection, first)))));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    /** Records the events' ids in the rebuild's inbox; returns those it did not hold yet. */
    private Set<String> firstSeen(List<String> ids, List<String> types) {
        Set<String> first = new HashSet<>();
        if (ids.isEmpty()) {
            return first;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into rebuild_inbox_event (event_id, "
                    + "event_type, received_at) select e.id, e.type, ? from unnest(?, ?) as e(id, type) "
                    + "on conflict (event_id) do nothing returning event_id")) {
                insert.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
                insert.setArray(3, connection.createArrayOf("varchar", types.toArray()));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(inserted.getString(1));
                    }
                }
            }
        });
        return first;
    }

    /**
     * Applies a batch to the fresh tables one event at a time, each event id once (the rebuild's own inbox), with the
     * statistics' rollups following: the catch-up under the gate.
     */
    private void applyAll(List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> record : batch) {
            ReceivedEvent event = eventOf(record);
            if (event == null) {
                continue;
            }
            boolean first = em.createNativeQuery("insert into rebuild_inbox_event (event_id, event_type, received_at) "
                    + "values (:id, :type, :at) on conflict (event_id) do nothing").setParameter("id", event.id())
                    .setParameter("type", event.type()).setParameter("at", clock.instant()).executeUpdate() == 1;
            if (first) {
                try {
                    writer.apply(Target.REBUILD, event);
                } catch (UnprocessableEventException refused) {
                    Log.debugf("Rebuild skips %s: %s", event.id(), refused.getMessage());
                }
            }
        }
    }

    private static Statistics comparable(Statistics s) {
        return new Statistics(s.filter(), null, s.roundingRule(), s.total(), s.byKind(), s.byField(), s.byMode(),
                s.byState(), s.keyItems(), s.unitsPerItem(), s.maxUnitsPerItem(), s.replies(), s.units(),
                s.itemsAssigned(), s.itemsReplied(), s.multiUnitItems(), s.multiUnitShare(), s.byDelegation(),
                s.byLeadingOfficial(), s.mergedItems(), s.byProposerKind());
    }

    private void update(long id, String set, long n) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update rebuild_run set " + set
                + " where id = :id").setParameter("n", n).setParameter("id", id).executeUpdate());
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof OffsetDateTime o
                ? o.toInstant() : ((Timestamp) value).toInstant();
    }
}
