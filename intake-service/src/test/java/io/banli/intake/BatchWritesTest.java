package io.banli.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.audit.AuditResult;
import io.banli.kit.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The kit's batch writes (the importer's) store the rows that one call per event or entry would store. Both are
 * written and read in one transaction that is then rolled back: the relay never sees the events, and the
 * append-only audit log keeps nothing of the test.
 */
@QuarkusTest
class BatchWritesTest {

    static final String TOPIC = "banli.intake.submissions";

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Carries what was read out of the transaction it rolls back. */
    static final class RolledBack extends RuntimeException {
        final transient List<List<Object>> single;
        final transient List<List<Object>> batch;

        RolledBack(List<List<Object>> single, List<List<Object>> batch) {
            this.single = single;
            this.batch = batch;
        }
    }

    @Test
    void publishAllWritesTheOutboxRowsOfOnePublishPerEvent() {
        String run = UUID.randomUUID().toString();
        String singleType = "banli.test.single-" + run + ".v1";
        String batchType = "banli.test.batch-" + run + ".v1";
        List<Map<String, Object>> data = List.of(Map.of("submissionId", 1, "title", "关于加装电梯的建议"),
                Map.of("submissionId", 2, "coSignerIds", List.of(3, 4)));
        List<UUID> singleIds = new ArrayList<>();
        List<UUID> batchIds = new ArrayList<>();

        RolledBack read = rolledBack(() -> {
            for (int i = 0; i < data.size(); i++) {
                singleIds.add(outbox.publish(TOPIC, singleType, String.valueOf(i + 1), data.get(i)));
            }
            batchIds.addAll(outbox.publishAll(TOPIC, batchType, List.of(new Outbox.Pending("1", data.get(0)),
                    new Outbox.Pending("2", data.get(1)))));
            return new RolledBack(outboxRows(singleType), outboxRows(batchType));
        });

        assertThat(read.batch).hasSize(2).isEqualTo(read.single);
        assertThat(batchIds).hasSize(2).doesNotHaveDuplicates().doesNotContainAnyElementsOf(singleIds);
    }

    @Test
    void recordAllWritesTheAuditRowsOfOneRecordPerEntry() {
        String run = UUID.randomUUID().toString();
        List<AuditLog.Entry> entries = List.of(
                new AuditLog.Entry("office-zhang", "office", null, "test.single", "submission", run + "-1",
                        "new -> RECEIVED: imported, job 1, row 1", AuditResult.SUCCESS),
                new AuditLog.Entry("office-zhang", "office", "203.0.113.7", "test.single", "submission", run + "-2",
                        "refused", AuditResult.DENIED));

        RolledBack read = rolledBack(() -> {
            entries.forEach(audit::record);
            audit.recordAll(entries.stream().map(e -> new AuditLog.Entry(e.actor(), e.roles(), e.sourceAddress(),
                    "test.batch", e.subjectType(), e.subjectId(), e.detail(), e.result())).toList());
            return new RolledBack(auditRows("test.single", run), auditRows("test.batch", run));
        });

        assertThat(read.batch).hasSize(2).isEqualTo(read.single);
    }

    private static RolledBack rolledBack(java.util.concurrent.Callable<RolledBack> work) {
        RolledBack[] read = new RolledBack[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> {
            read[0] = work.call();
            throw read[0];
        })).isInstanceOf(RolledBack.class);
        return read[0];
    }

    /** Every column but the event id, in subject order. */
    @SuppressWarnings("unchecked")
    private List<List<Object>> outboxRows(String type) {
        return ((List<Object[]>) em.createNativeQuery("""
                select topic, aggregate_id, payload::text, occurred_at is not null, trace_parent, published_at,
                       txid::text
                from outbox_event where event_type = :type order by aggregate_id""")
                .setParameter("type", type).getResultList()).stream().map(r -> java.util.Arrays.stream(r)
                        .map(v -> v == null ? "null" : v).toList()).toList();
    }

    /** Every column but the id and the time, in subject order. */
    @SuppressWarnings("unchecked")
    private List<List<Object>> auditRows(String action, String run) {
        return ((List<Object[]>) em.createNativeQuery("""
                select actor, roles, subject_type, subject_id, detail, result, coalesce(source_address, 'none'),
                       at is not null
                from audit_log where action = :action and subject_id like :run order by subject_id""")
                .setParameter("action", action).setParameter("run", run + "-%").getResultList()).stream()
                .map(r -> java.util.Arrays.stream(r).map(v -> v == null ? "null" : v).toList()).toList();
    }
}
