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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.banli.kit.change.StateChange;
import io.banli.kit.outbox.Outbox;
import io.banli.kit.security.Caller;
import io.banli.supervision.deadline.AlertLevel;
import io.banli.supervision.deadline.DeadlineState;
import io.banli.supervision.deadline.Stage;
import io.banli.supervision.deadline.SupervisionEvents;
import io.banli.supervision.reminder.RaisedAlert;
import io.banli.supervision.reminder.Reminders;
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
 * whatever its size: claim the due alerts with their deadlines ({@code FOR UPDATE SKIP LOCKED}, so
 * several replicas never raise the same alert), drop those overtaken, update the red deadlines, write
 * the events (JSON built by the database in the shape of {@link SupervisionEvents}' records), the audit
 * entries and the reminders, and mark the alerts raised, all in one transaction: once per deadline and
 * level, across restarts.
 */
@ApplicationScoped
public class AlertSweep {

    /** Windows: when they pass they expire instead of going overdue (see {@link Stage#expires()}). */
    private static final String[] EXPIRING = Arrays.stream(Stage.values()).filter(Stage::expires).map(Stage::name)
            .toArray(String[]::new);

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

    @Scheduled(every = "${banli.sweep.interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += batch;
        } while (batch == batchSize);
        if (total > 0) {
            Log.infof("Alert sweep handled %d alert(s)", total);
        }
    }

    private record Due(long alertId, String level, long deadlineId, long submissionId, long unitId, Stage stage,
            DeadlineState state, Instant dueAt, boolean keyItem, String leadingOfficial, Long commitmentId) {
    }

    /** Raises up to the batch size of due alerts in the caller's transaction; returns how many it claimed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sweepBatch() {
        Instant now = change.now();
        List<Due> due = em.unwrap(Session.class).doReturningWork(db -> claim(db, now));
        List<Long> overtaken = new ArrayList<>();
        List<Due> raised = new ArrayList<>();
        for (Due alert : due) {
            if (alert.state() != DeadlineState.OPEN
                    || !alert.level().equals(AlertLevel.RED) && !now.isBefore(alert.dueAt())) {
                // Met or closed meanwhile, or a warning overtaken by the overdue alert: nothing to say.
                overtaken.add(alert.alertId());
            } else {
                raised.add(alert);
            }
        }
        em.unwrap(Session.class).doWork(db -> raise(db, now, overtaken, raised));
        List<RaisedAlert> unitDuties = raised.stream().filter(a -> a.stage().unitDuty())
                .map(a -> new RaisedAlert(a.deadlineId(), a.submissionId(), a.unitId(), a.stage(), a.level(), a.dueAt(),
                        a.keyItem(), a.leadingOfficial(), a.commitmentId()))
                .toList();
        reminders.planAll(unitDuties);
        if (!raised.isEmpty()) {
            outbox.relayAfterCommit();
        }
        return due.size();
    }

    private List<Due> claim(Connection db, Instant now) throws SQLException {
        // The deadline rows are locked with their alerts: a consumer meeting a deadline right now waits for this
        // transaction (or the row is skipped here), so neither overwrites the other.
        try (PreparedStatement claim = db.prepareStatement("""
                select a.id, a.level, d.id, d.submission_id, d.unit_id, d.stage, d.state, d.due_at, d.key_item,
                       d.leading_official, d.commitment_id
                from deadline_alert a join deadline d on d.id = a.deadline_id
                where a.fired_at is null and a.fire_at <= ?
                order by a.fire_at limit ? for update of a, d skip locked""")) {
            claim.setObject(1, utc(now));
            claim.setInt(2, batchSize);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            Stage.valueOf(rs.getString(6)), DeadlineState.valueOf(rs.getString(7)),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getBoolean(9), rs.getString(10),
                            (Long) rs.getObject(11)));
                }
            }
            return due;
        }
    }

    private void raise(Connection db, Instant now, List<Long> overtaken, List<Due> raised) throws SQLException {
        if (!overtaken.isEmpty()) {
            try (PreparedStatement delete = db.prepareStatement("delete from deadline_alert where id = any(?)")) {
                delete.setArray(1, longs(db, overtaken));
                delete.executeUpdate();
            }
        }
        if (raised.isEmpty()) {
            return;
        }
        Array alerts = longs(db, raised.stream().map(Due::alertId).toList());
        Array redDeadlines = longs(db, raised.stream().filter(a -> a.level().equals(AlertLevel.RED))
                .map(Due::deadlineId).toList());
        Array expiring = db.createArrayOf("text", EXPIRING);
        // Red: a unit's duty goes overdue, a window expires. The version moves as an entity update would move it.
        try (PreparedStatement deadlines = db.prepareStatement("""
                update deadline set state = case when stage = any(?) then 'EXPIRED' else 'OVERDUE' end,
                                    overdue_at = case when stage = any(?) then overdue_at else ? end,
                                    version = version + 1
                where id = any(?)""")) {
            deadlines.setArray(1, expiring);
            deadlines.setArray(2, expiring);
            deadlines.setObject(3, utc(now));
            deadlines.setArray(4, redDeadlines);
            deadlines.executeUpdate();
        }
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
        try (PreparedStatement fired = db.prepareStatement("update deadline_alert set fired_at = ? where id = any(?)")) {
            fired.setObject(1, utc(now));
            fired.setArray(2, alerts);
            fired.executeUpdate();
        }
    }

    private static Array longs(Connection db, List<Long> values) throws SQLException {
        return db.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
