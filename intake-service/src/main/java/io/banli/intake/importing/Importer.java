package io.banli.intake.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.intake.member.MemberKind;
import io.banli.intake.session.Session;
import io.banli.intake.submission.SubmissionEvents;
import io.banli.intake.submission.SubmissionEvents.Proposer;
import io.banli.intake.submission.SubmissionEvents.SubmissionFiledV1;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.audit.AuditResult;
import io.banli.kit.outbox.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores the checked rows of an import in chunks of {@value #CHUNK}, each chunk in one transaction
 * with its co-signers, audit entries and filed events (JDBC batches: 10,000 rows take seconds, not
 * minutes). A row is stored whole or not at all: if a chunk fails, its rows are retried one by one
 * and only the failing ones are rejected. Rows whose externalRef the session already holds are
 * skipped, so importing the same file twice stores nothing twice.
 */
@ApplicationScoped
public class Importer {

    static final int CHUNK = 1000;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    record Member(MemberKind kind, String name, String delegation) {
    }

    record Rejection(int row, String reason) {
    }

    /** Runs the whole import of a job whose rows were read already; never throws (the job says FAILED). */
    public void run(long jobId, List<ImportRow> rows, String actor, String roles) {
        long started = System.nanoTime();
        try {
            Context context = QuarkusTransaction.requiringNew().call(() -> context(jobId));
            List<Rejection> rejections = new ArrayList<>();
            List<RowValidator.Checked> accepted = new ArrayList<>();
            RowValidator validator = new RowValidator(context.session.kind, context.fields, context.directory,
                    context.committeeNumbers);
            for (ImportRow row : rows) {
                RowValidator.Outcome outcome = validator.check(row);
                if (outcome.rejection() != null) {
                    rejections.add(new Rejection(row.rowNumber(), outcome.rejection()));
                } else {
                    accepted.add(outcome.checked());
                }
            }
            progress(jobId, rows.size() - accepted.size(), 0, 0, rejections.size());
            long checked = System.nanoTime();
            for (int from = 0; from < accepted.size(); from += CHUNK) {
                List<RowValidator.Checked> chunk = accepted.subList(from, Math.min(from + CHUNK, accepted.size()));
                storeChunkOrRowByRow(jobId, context, chunk, actor, roles, rejections);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Log.infof("Import job %d: %d rows checked in %d ms, %d stored in %d ms", jobId, rows.size(),
                    (checked - started) / 1_000_000, accepted.size(), (System.nanoTime() - checked) / 1_000_000);
            QuarkusTransaction.requiringNew().run(() -> finish(jobId, rejections, millis, actor, roles));
        } catch (RuntimeException e) {
            Log.errorf(e, "Import job %d failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update import_job set state = 'FAILED', finished_at = :at where id = :id")
                    .setParameter("at", clock.instant()).setParameter("id", jobId).executeUpdate());
        }
    }

    private record Context(Session session, Set<String> fields, Map<Long, Member> members,
            MemberDirectory directory, Map<Integer, String> committeeNumbers) {
    }

    @SuppressWarnings("unchecked")
    private Context context(long jobId) {
        ImportJob job = ImportJob.findById(jobId);
        Session session = Session.findById(job.sessionId);
        Set<String> fields = new HashSet<>(em.createNativeQuery("select code from field where active").getResultList());
        Map<Long, Member> members = new HashMap<>();
        List<MemberDirectory.Entry> entries = new ArrayList<>();
        for (Object[] m : (List<Object[]>) em.createNativeQuery("select id, kind, name, delegation from member")
                .getResultList()) {
            long id = ((Number) m[0]).longValue();
            MemberKind kind = MemberKind.valueOf((String) m[1]);
            members.put(id, new Member(kind, (String) m[2], (String) m[3]));
            entries.add(new MemberDirectory.Entry(id, kind, (String) m[2], (String) m[3]));
        }
        Map<Integer, String> committeeNumbers = new HashMap<>();
        for (Object[] n : (List<Object[]>) em.createNativeQuery("""
                select committee_number, coalesce(external_ref, '#' || id) from submission
                where session_id = :session and committee_number is not null""")
                .setParameter("session", session.id).getResultList()) {
            committeeNumbers.put(((Number) n[0]).intValue(), (String) n[1]);
        }
        return new Context(session, fields, members, new MemberDirectory(entries), committeeNumbers);
    }

    private void storeChunkOrRowByRow(long jobId, Context context, List<RowValidator.Checked> chunk, String actor,
            String roles, List<Rejection> rejections) {
        try {
            QuarkusTransaction.requiringNew().run(() -> store(jobId, context, chunk, actor, roles));
        } catch (RuntimeException chunkFailed) {
            Log.warnf("Import job %d: a chunk failed (%s); storing its rows one by one", jobId,
                    chunkFailed.getClass().getSimpleName());
            for (RowValidator.Checked row : chunk) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> store(jobId, context, List.of(row), actor, roles));
                } catch (RuntimeException rowFailed) {
                    rejections.add(new Rejection(row.row().rowNumber(), "could not be stored: "
                            + rootMessage(rowFailed)));
                    progress(jobId, 1, 0, 0, 1);
                }
            }
        }
    }

    /** Stores rows with their co-signers, audit entries and events, in the caller's transaction. */
    private void store(long jobId, Context context, List<RowValidator.Checked> rows, String actor, String roles) {
        Instant now = clock.instant();
        long sessionId = context.session.id;
        List<AuditLog.Entry> entries = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        int[] skipped = new int[1];
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            Set<String> existing = existingRefs(connection, sessionId, rows.stream().map(r -> r.row().externalRef()).toList());
            List<RowValidator.Checked> fresh = rows.stream().filter(r -> !existing.contains(r.row().externalRef())).toList();
            skipped[0] = rows.size() - fresh.size();
            if (fresh.isEmpty()) {
                return;
            }
            insertSubmissions(connection, sessionId, fresh, now, actor);
            Map<String, Long> ids = idsOf(connection, sessionId, fresh.stream().map(r -> r.row().externalRef()).toList());
            try (PreparedStatement coSigners = connection.prepareStatement("""
                    insert into co_signer (submission_id, member_id, state, invited_at, signed_at)
                    values (?, ?, 'SIGNED', ?, ?)""")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                for (RowValidator.Checked r : fresh) {
                    long id = ids.get(r.row().externalRef());
                    for (Long coSigner : r.coSignerIds()) {
                        coSigners.setLong(1, id);
                        coSigners.setLong(2, coSigner);
                        coSigners.setObject(3, at);
                        coSigners.setObject(4, at);
                        coSigners.addBatch();
                    }
                    entries.add(new AuditLog.Entry(actor, roles, null, "submission.filed", "submission",
                            String.valueOf(id), "new -> RECEIVED: imported, job " + jobId + ", row "
                                    + r.row().rowNumber() + (r.committeeNumber() == null ? ""
                                            : ", committee's 第" + r.committeeNumber() + "号"), AuditResult.SUCCESS));
                    Member lead = context.members.get(r.leadProposerId());
                    events.add(new Outbox.Pending(String.valueOf(id), new SubmissionFiledV1(id, sessionId, r.kind(),
                            r.row().title(), r.row().field(), new Proposer(r.leadProposerId(), lead.name(),
                                    lead.delegation(), lead.kind(), null), r.coSignerIds(), r.row().groupName(), now,
                            r.confidential())));
                }
                coSigners.executeBatch();
            }
        });
        // The kit's batch methods write the audit entries and the filed events as JDBC batches too, in this
        // transaction: a chunk is stored with its entries and events or not at all.
        audit.recordAll(entries);
        outbox.publishAll(SubmissionEvents.TOPIC, SubmissionEvents.FILED, events);
        progress(jobId, rows.size(), events.size(), skipped[0], 0);
    }

    private static void insertSubmissions(Connection connection, long sessionId, List<RowValidator.Checked> rows,
            Instant now, String actor) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into submission (session_id, kind, title, body, field, lead_proposer_id, group_name, key_item,
                    leading_official, confidential, confidentiality, state, created_at, filed_at, filed_by,
                    external_ref, committee_number, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, 0)""")) {
            for (RowValidator.Checked r : rows) {
                insert.setLong(1, sessionId);
                insert.setString(2, r.kind().name());
                insert.setString(3, r.row().title());
                insert.setString(4, r.row().body());
                insert.setString(5, r.row().field());
                insert.setLong(6, r.leadProposerId());
                insert.setString(7, r.row().groupName());
                insert.setBoolean(8, r.keyItem());
                insert.setString(9, r.keyItem() ? r.row().leadingOfficial() : null);
                insert.setBoolean(10, r.confidential());
                insert.setString(11, r.confidentiality() == null ? null : r.confidentiality().name());
                insert.setObject(12, at);
                insert.setObject(13, at);
                insert.setString(14, actor);
                insert.setString(15, r.row().externalRef());
                insert.setObject(16, r.committeeNumber(), java.sql.Types.INTEGER);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Set<String> existingRefs(Connection connection, long sessionId, List<String> refs) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select external_ref from submission where session_id = ? and external_ref = any(?)")) {
            query.setLong(1, sessionId);
            query.setArray(2, connection.createArrayOf("varchar", refs.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static Map<String, Long> idsOf(Connection connection, long sessionId, List<String> refs) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select external_ref, id from submission where session_id = ? and external_ref = any(?)")) {
            query.setLong(1, sessionId);
            query.setArray(2, connection.createArrayOf("varchar", refs.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    private void progress(long jobId, int processed, int accepted, int skipped, int rejected) {
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("""
                update import_job set processed = processed + :p, accepted = accepted + :a, skipped = skipped + :s,
                    rejected = rejected + :r where id = :id""")
                .setParameter("p", processed).setParameter("a", accepted).setParameter("s", skipped)
                .setParameter("r", rejected).setParameter("id", jobId).executeUpdate());
    }

    private void finish(long jobId, List<Rejection> rejections, long millis, String actor, String roles) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into import_rejection (job_id, row_number, reason) values (?, ?, ?)")) {
                for (Rejection r : rejections) {
                    insert.setLong(1, jobId);
                    insert.setInt(2, r.row());
                    insert.setString(3, r.reason().length() > 1000 ? r.reason().substring(0, 1000) : r.reason());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        audit.record(new AuditLog.Entry(actor, roles, null, "import.finished", "import", String.valueOf(jobId),
                "RUNNING -> DONE", AuditResult.SUCCESS));
        em.createNativeQuery("update import_job set state = 'DONE', finished_at = :at, millis = :ms where id = :id")
                .setParameter("at", clock.instant()).setParameter("ms", millis).setParameter("id", jobId).executeUpdate();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
