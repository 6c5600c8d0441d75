package io.banli.supervision.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.outbox.Outbox;
import io.banli.supervision.deadline.Deadline;
import io.banli.supervision.deadline.DeadlineState;
import io.banli.supervision.sweep.AlertEvents.OverdueV1;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Finds open deadlines that have passed and raises one overdue alert for each.
 *
 * <p>Safe with several replicas: each batch claims its rows with {@code FOR UPDATE SKIP LOCKED},
 * and the state change to OVERDUE commits with the alert's outbox row, so a deadline is alerted
 * exactly once, also across restarts.
 */
@ApplicationScoped
public class OverdueSweep {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Scheduled(every = "${banli.sweep.interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            Log.infof("Overdue sweep raised %d alert(s)", total);
        }
    }

    @SuppressWarnings("unchecked")
    int sweepBatch() {
        Instant now = clock.instant();
        List<Long> ids = em.createNativeQuery("""
                select id from deadline where state = 'OPEN' and due_at < :now
                order by due_at limit :batch for update skip locked""")
                .setParameter("now", now)
                .setParameter("batch", BATCH)
                .getResultList().stream().map(id -> ((Number) id).longValue()).toList();
        for (Long id : ids) {
            Deadline deadline = Deadline.findById(id);
            deadline.state = DeadlineState.OVERDUE;
            deadline.overdueAt = now;
            outbox.publish(AlertEvents.TOPIC, AlertEvents.OVERDUE, deadline.submissionId.toString(),
                    new OverdueV1(deadline.submissionId, deadline.id, deadline.assignmentId, deadline.unitId,
                            deadline.stage.name(), deadline.dueAt, now));
            audit.record("deadline.overdue", "submission", deadline.submissionId,
                    "unit " + deadline.unitId + " " + deadline.stage + " due " + deadline.dueAt);
        }
        return ids.size();
    }
}
