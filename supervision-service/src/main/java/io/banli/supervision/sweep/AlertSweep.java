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
import java.util.List;
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
 * index probe however many deadlines are open. A batch takes two statements whatever its size: one
 * claims the due alerts and marks them raised ({@code FOR UPDATE SKIP LOCKED}, so several replicas never
 * raise the same alert), moves the red deadlines still open and writes the events (JSON built by the
 * database in the shape of {@link SupervisionEvents}' records) and the audit entries; one copies the
 * reminders in. Both in one transaction: once per deadline and level, across restarts. One statement
 * instead of five saves the round trips and reading each claimed row again for its event and its entry.
 */
@ApplicationScoped
public class AlertSweep {

    /** Windows: when they pass they expire instead of going overdue (see {@link Stage#expires()}). */
    private static final String[] EXPIRING = Arrays.stream(Stage.values()).filter(Stage::expires).map(Stage::name)
            .toArray(String[]::new);

    /** What the sweep reads of a deadline it raises an alert on: for its event, its audit entry and its reminders. */
    private static final String DEADLINE_COLUMNS = "id, submission_id, assignment_id, unit_id, stage, due_at, key_item, "
            + "leading_official, commitment_id, submission_number";

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

    /** Raises up to the batch size of due alerts in the caller's transaction; returns how many it claimed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sweepBatch() {
        Instant now = change.now();
        List<RaisedAlert> unitDuties = new ArrayList<>();
        int claimed = em.unwrap(Session.class).doReturningWork(db -> raise(db, now, unitDuties));
        reminders.planAll(unitDuties);
        if (claimed > 0) {
            outbox.relayAfterCommit();
        }
        return claimed;
    }

    /**
     * One statement raises the batch. It claims the due alerts and marks them raised ({@code SKIP LOCKED}, so several
     * replicas never claim the same alert); moves the red ones' still-open deadlines (the update locks each: a
     * consumer meeting it right now waits for this transaction, or this update waits for the consumer's and then
     * finds it met); reads the warned ones' open deadlines not yet due, under a share lock for the same reason; and
     * writes the events and the audit entries of what it raised, in the order the alerts fell due. Each event's JSON
     * has the fields of its record in {@link SupervisionEvents}, in the record's order: OverdueV1, DeadlineExpiredV1,
     * DeadlineWarningV1. The claimed ids reach the updates as arrays, so each row is found by its primary key
     * (joined instead, the planner may hash the whole table).
     *
     * <p>It returns every claimed alert, with its deadline when raised. One without was overtaken (met or closed
     * meanwhile, or a warning the overdue alert overtook): it says nothing and is deleted again. Fills
     * {@code unitDuties} with the raised alerts on a unit's duty, for their reminders; returns how many it claimed.
     */
    private int raise(Connection db, Instant now, List<RaisedAlert> unitDuties) throws SQLException {
        List<Long> overtaken = new ArrayList<>();
        int claimed = 0;
        try (PreparedStatement batch = db.prepareStatement("""
                with claimed as (
                    update deadline_alert set fired_at = ?
                    where id = any(array(select id from deadline_alert where fired_at is null and fire_at <= ?
                                         order by fire_at limit ? for update skip locked))
                    returning id, level, deadline_id, fire_at),
                moved as (
                    update deadline set state = case when stage = any(?) then 'EXPIRED' else 'OVERDUE' end,
                                        overdue_at = case when stage = any(?) then overdue_at else ? end,
                                        version = version + 1
                    where id = any(array(select deadline_id from claimed where level = 'RED')) and state = 'OPEN'
                    returning true as red, COLUMNS),
                warned as (
                    select false as red, COLUMNS from deadline
                    where id = any(array(select deadline_id from claimed where level <> 'RED'))
                      and state = 'OPEN' and due_at > ?
                    for share),
                raised as (
                    select c.id as alert_id, c.level, c.fire_at, d.*
                    from claimed c join (select * from moved union all select * from warned) d
                         on d.id = c.deadline_id and d.red = (c.level = 'RED')),
                events as (
                    insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
                    select gen_random_uuid(), ?,
                           case when r.level <> 'RED' then ? when r.stage = any(?) then ? else ? end,
                           cast(r.submission_id as text),
                           case when r.level <> 'RED' then
                                    json_build_object('submissionId', r.submission_id, 'deadlineId', r.id,
                                        'unitId', r.unit_id, 'stage', r.stage,
                                        'workingDaysLeft', cast(substr(r.level, length(?) + 1) as int),
                                        'dueAt', iso_instant(r.due_at), 'detectedAt', cast(? as text))
                                when r.stage = any(?) then
                                    json_build_object('submissionId', r.submission_id, 'deadlineId', r.id,
                                        'assignmentId', r.assignment_id, 'unitId', r.unit_id, 'stage', r.stage,
                                        'dueAt', iso_instant(r.due_at), 'expiredAt', cast(? as text))
                                else
                                    json_build_object('submissionId', r.submission_id, 'deadlineId', r.id,
                                        'assignmentId', r.assignment_id, 'unitId', r.unit_id, 'stage', r.stage,
                                        'dueAt', iso_instant(r.due_at), 'detectedAt', cast(? as text))
                           end,
                           ?
                    from raised r
                    order by r.fire_at, r.alert_id),
                audit as (
                    insert into audit_log (at, actor, roles, action, subject_type, subject_id, detail)
                    select ?, ?, ?, case when r.stage = any(?) then 'deadline.expired' else 'deadline.overdue' end,
                           'submission', cast(r.submission_id as text),
                           'unit ' || r.unit_id || ' ' || r.stage || ' due ' || iso_instant(r.due_at)
                    from raised r
                    where r.level = 'RED'
                    order by r.fire_at, r.alert_id)
                select c.id, c.level, r.id, r.submission_id, r.unit_id, r.stage, r.due_at, r.key_item,
                       r.leading_official, r.commitment_id, r.submission_number
                from claimed c left join raised r on r.alert_id = c.id""".replace("COLUMNS", DEADLINE_COLUMNS))) {
            Array expiring = db.createArrayOf("text", EXPIRING);
            OffsetDateTime at = utc(now);
            String iso = now.toString(); // ISO_INSTANT, as the services' JSON writes an Instant
            int i = 1;
            batch.setObject(i++, at);
            batch.setObject(i++, at);
            batch.setInt(i++, batchSize);
            batch.setArray(i++, expiring);
            batch.setArray(i++, expiring);
            batch.setObject(i++, at);
            batch.setObject(i++, at);
            batch.setString(i++, SupervisionEvents.TOPIC);
            batch.setString(i++, SupervisionEvents.WARNING);
            batch.setArray(i++, expiring);
            batch.setString(i++, SupervisionEvents.EXPIRED);
            batch.setString(i++, SupervisionEvents.OVERDUE);
            batch.setString(i++, AlertLevel.YELLOW_PREFIX);
            batch.setString(i++, iso);
            batch.setArray(i++, expiring);
            batch.setString(i++, iso);
            batch.setString(i++, iso);
            batch.setObject(i++, at);
            batch.setObject(i++, at);
            batch.setString(i++, caller.name());
            batch.setString(i++, caller.roles());
            batch.setArray(i, expiring);
            try (ResultSet rs = batch.executeQuery()) {
                while (rs.next()) {
                    claimed++;
                    if (rs.getObject(3) == null) {
                        overtaken.add(rs.getLong(1));
                        continue;
                    }
                    Stage stage = Stage.valueOf(rs.getString(6));
                    if (stage.unitDuty()) {
                        unitDuties.add(new RaisedAlert(rs.getLong(3), rs.getLong(4), (Integer) rs.getObject(11),
                                rs.getLong(5), stage, rs.getString(2), rs.getObject(7, OffsetDateTime.class).toInstant(),
                                rs.getBoolean(8), rs.getString(9), (Long) rs.getObject(10)));
                    }
                }
            }
        }
        if (!overtaken.isEmpty()) {
            try (PreparedStatement delete = db.prepareStatement("delete from deadline_alert where id = any(?)")) {
                delete.setArray(1, db.createArrayOf("bigint", overtaken.toArray(Long[]::new)));
                delete.executeUpdate();
            }
        }
        return claimed;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
