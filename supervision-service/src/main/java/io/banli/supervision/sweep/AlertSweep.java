package io.banli.supervision.sweep;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;

import io.banli.kit.change.StateChange;
import io.banli.kit.outbox.Outbox;
import io.banli.kit.security.Caller;
import io.banli.supervision.deadline.AlertLevel;
import io.banli.supervision.deadline.SupervisionEvents;
import io.banli.supervision.reminder.RaisedAlert;
import io.banli.supervision.reminder.Reminders;
import io.banli.supervision.rule.Stage;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Raises the alerts whose time has come: yellow warnings N working days before a deadline, and the
 * red overdue alert once it has passed; a window (adjustment request, evaluation) expires instead.
 * Only a unit's own duties remind the unit's people.
 *
 * <p>Each run asks the partial index of pending alerts for those due now, so an idle run costs an
 * index probe however many deadlines are open. A batch is handled with a few set-based statements,
 * whatever its size: claim the due alerts and mark them raised ({@code FOR UPDATE SKIP LOCKED}, so
 * several replicas never raise the same alert), update the red deadlines still open, drop the alerts
 * overtaken, write the events (JSON built by the database in the shape of {@link SupervisionEvents}'
 * records), the audit entries and the reminders, all in one transaction: once per deadline and level,
 * across restarts.
 */
@ApplicationScoped
public class AlertSweep {

    /** Windows: when they pass they expire instead of going overdue (see {@link Stage#expires()}). */
    private static final String[] EXPIRING = Arrays.stream(Stage.values()).filter(Stage::expires).map(Stage::name)
            .toArray(String[]::new);

    /** What the sweep reads of a deadline it raises an alert on. */
    private static final String OPEN_COLUMNS =
            "id, submission_id, unit_id, stage, due_at, key_item, leading_official, commitment_id, submission_number";

    @Inject
    StateChange change;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Reminders reminders;

    @Inject
    Caller caller;

    /** Alerts per transaction. */
    @ConfigProperty(name = "banli.sweep.batch-size", defaultValue = "2000")
    int batchSize;

    /**
     * Batches raised at once when many alerts fall due together (a deadline day of a whole session): the
     * batches' claims skip each other's rows, and while one waits on the database another has work for the
     * second core. An idle tick costs one probe whatever the figure.
     */
    @ConfigProperty(name = "banli.sweep.workers", defaultValue = "2")
    int workers;

    @Inject
    ManagedExecutor executor;

    @Scheduled(every = "${banli.sweep.interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int first = sweepOnce();
        int total = first;
        if (first == batchSize) {
            // A backlog: drain it with every worker, this thread being one of them.
            List<CompletableFuture<Integer>> others = IntStream.range(1, workers)
                    .mapToObj(i -> executor.supplyAsync(this::drain)).toList();
            total += drain() + others.stream().mapToInt(CompletableFuture::join).sum();
        }
        if (total > 0) {
            Log.infof("Alert sweep handled %d alert(s)", total);
        }
    }

    private int drain() {
        int total = 0;
        int batch;
        do {
            batch = sweepOnce();
            total += batch;
        } while (batch == batchSize);
        return total;
    }

    private int sweepOnce() {
        return QuarkusTransaction.requiringNew().call(this::sweepBatch);
    }

    /** An alert claimed (and marked raised) by this batch. */
    private record Claimed(long alertId, String level, long deadlineId) {
        boolean red() {
            return AlertLevel.RED.equals(level);
        }
    }

    /** The deadline of an alert still worth raising. */
    private record Open(long deadlineId, long submissionId, long unitId, Stage stage, Instant dueAt, boolean keyItem,
            String leadingOfficial, Long commitmentId, Integer submissionNumber) {
    }

    /** Raises up to the batch size of due alerts in the caller's transaction; returns how many it claimed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sweepBatch() {
        Instant now = change.now();
        int[] claimed = new int[1];
        List<RaisedAlert> unitDuties = em.unwrap(Session.class).doReturningWork(db -> {
            List<Claimed> due = claim(db, now);
            claimed[0] = due.size();
            return raise(db, now, due);
        });
        reminders.planAll(unitDuties);
        if (claimed[0] > 0) {
            outbox.relayAfterCommit();
        }
        return claimed[0];
    }

    /**
     * Claims the due alerts and marks them raised in one statement: each alert row is written once
     * ({@code SKIP LOCKED}, so several replicas never claim the same alert). Those found overtaken below are
     * deleted again in the same transaction. The claimed ids go to the update as an array, so it finds each
     * row by its primary key; joined to the claiming subquery instead, the planner may hash the whole table.
     */
    private List<Claimed> claim(Connection db, Instant now) throws SQLException {
        try (PreparedStatement claim = db.prepareStatement("""
                update deadline_alert set fired_at = ?
                where id = any(array(select id from deadline_alert where fired_at is null and fire_at <= ?
                                     order by fire_at limit ? for update skip locked))
                returning id, level, deadline_id""")) {
            claim.setObject(1, utc(now));
            claim.setObject(2, utc(now));
            claim.setInt(3, batchSize);
            List<Claimed> due = new ArrayList<>();
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    due.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return due;
        }
    }

    /**
     * Red alerts move their still-open deadline (the update locks it: a consumer meeting it right now waits
     * for this transaction, or this update waits for the consumer's and then finds it met); a warning is
     * raised only for an open deadline not yet due, read under a share lock for the same reason. Everything
     * else claimed was overtaken (met or closed meanwhile, or a warning the overdue alert overtook) and says
     * nothing. Returns the raised alerts on a unit's duty, for their reminders.
     */
    private List<RaisedAlert> raise(Connection db, Instant now, List<Claimed> due) throws SQLException {
        if (due.isEmpty()) {
            return List.of();
        }
        Array expiring = db.createArrayOf("text", EXPIRING);
        Map<Long, Open> open = new HashMap<>();
        try (PreparedStatement deadlines = db.prepareStatement("""
                update deadline set state = case when stage = any(?) then 'EXPIRED' else 'OVERDUE' end,
                                    overdue_at = case when stage = any(?) then overdue_at else ? end,
                                    version = version + 1
                where id = any(?) and state = 'OPEN'
                """ + "returning " + OPEN_COLUMNS)) {
            deadlines.setArray(1, expiring);
            deadlines.setArray(2, expiring);
            deadlines.setObject(3, utc(now));
            deadlines.setArray(4, longs(db, due.stream().filter(Claimed::red).map(Claimed::deadlineId).toList()));
            readOpen(deadlines, open);
        }
        List<Long> warned = due.stream().filter(a -> !a.red()).map(Claimed::deadlineId).toList();
        if (!warned.isEmpty()) {
            try (PreparedStatement deadlines = db.prepareStatement("select " + OPEN_COLUMNS
                    + " from deadline where id = any(?) and state = 'OPEN' and due_at > ? for share")) {
                deadlines.setArray(1, longs(db, warned));
                deadlines.setObject(2, utc(now));
                readOpen(deadlines, open);
            }
        }
        List<Long> overtaken = new ArrayList<>();
        List<Long> raised = new ArrayList<>();
        List<RaisedAlert> unitDuties = new ArrayList<>();
        for (Claimed alert : due) {
            Open deadline = open.get(alert.deadlineId());
            if (deadline == null) {
                overtaken.add(alert.alertId());
                continue;
            }
            raised.add(alert.alertId());
            if (deadline.stage().unitDuty()) {
                unitDuties.add(new RaisedAlert(deadline.deadlineId(), deadline.submissionId(),
                        deadline.submissionNumber(), deadline.unitId(),
                        deadline.stage(), alert.level(), deadline.dueAt(), deadline.keyItem(),
                        deadline.leadingOfficial(), deadline.commitmentId()));
            }
        }
        if (!overtaken.isEmpty()) {
            try (PreparedStatement delete = db.prepareStatement("delete from deadline_alert where id = any(?)")) {
                delete.setArray(1, longs(db, overtaken));
                delete.executeUpdate();
            }
        }
        if (!raised.isEmpty()) {
            record(db, now, longs(db, raised), expiring);
        }
        return unitDuties;
    }

    private static void readOpen(PreparedStatement query, Map<Long, Open> open) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                open.put(rs.getLong(1), new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Stage.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(6), rs.getString(7), (Long) rs.getObject(8), (Integer) rs.getObject(9)));
            }
        }
    }

    /** The events and audit entries of the raised alerts, in the order they fell due. */
    private void record(Connection db, Instant now, Array alerts, Array expiring) throws SQLException {
        // The events, in the order the alerts fell due. Each JSON object has the fields of its record in
        // SupervisionEvents, in the record's order: OverdueV1, DeadlineExpiredV1, DeadlineWarningV1.
        try (PreparedStatement events = db.prepareStatement("""
                insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
                select gen_random_uuid(), ?,
                       case when a.level <> 'RED' then ? when d.stage = any(?) then ? else ? end,
                       cast(d.submission_id as text),
                       case when a.level <> 'RED' then
                                json_build_object('submissionId', d.submission_id, 'deadlineId', d.id,
                                    'unitId', d.unit_id, 'stage', d.stage,
                                    'workingDaysLeft', cast(substr(a.level, length(?) + 1) as int),
                                    'dueAt', iso_instant(d.due_at), 'detectedAt', cast(? as text))
                            when d.stage = any(?) then
                                json_build_object('submissionId', d.submission_id, 'deadlineId', d.id,
                                    'assignmentId', d.assignment_id, 'unitId', d.unit_id, 'stage', d.stage,
                                    'dueAt', iso_instant(d.due_at), 'expiredAt', cast(? as text))
                            else
                                json_build_object('submissionId', d.submission_id, 'deadlineId', d.id,
                                    'assignmentId', d.assignment_id, 'unitId', d.unit_id, 'stage', d.stage,
                                    'dueAt', iso_instant(d.due_at), 'detectedAt', cast(? as text))
                       end,
                       ?
                from deadline_alert a join deadline d on d.id = a.deadline_id
                where a.id = any(?)
                order by a.fire_at, a.id""")) {
            String at = now.toString(); // ISO_INSTANT, as the services' JSON writes an Instant
            int i = 1;
            events.setString(i++, SupervisionEvents.TOPIC);
            events.setString(i++, SupervisionEvents.WARNING);
            events.setArray(i++, expiring);
            events.setString(i++, SupervisionEvents.EXPIRED);
            events.setString(i++, SupervisionEvents.OVERDUE);
            events.setString(i++, AlertLevel.YELLOW_PREFIX);
            events.setString(i++, at);
            events.setArray(i++, expiring);
            events.setString(i++, at);
            events.setString(i++, at);
            events.setObject(i++, utc(now));
            events.setArray(i, alerts);
            events.executeUpdate();
        }
        try (PreparedStatement audit = db.prepareStatement("""
                insert into audit_log (at, actor, roles, action, subject_type, subject_id, detail)
                select ?, ?, ?, case when d.stage = any(?) then 'deadline.expired' else 'deadline.overdue' end,
                       'submission', cast(d.submission_id as text),
                       'unit ' || d.unit_id || ' ' || d.stage || ' due ' || iso_instant(d.due_at)
                from deadline_alert a join deadline d on d.id = a.deadline_id
                where a.id = any(?) and a.level = 'RED'
                order by a.fire_at, a.id""")) {
            audit.setObject(1, utc(now));
            audit.setString(2, caller.name());
            audit.setString(3, caller.roles());
            audit.setArray(4, expiring);
            audit.setArray(5, alerts);
            audit.executeUpdate();
        }
    }

    private static Array longs(Connection db, List<Long> values) throws SQLException {
        return db.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
