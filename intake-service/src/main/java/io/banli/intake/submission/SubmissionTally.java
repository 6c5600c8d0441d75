package io.banli.intake.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The totals of the office's lists, kept by the item's own columns (session, state, kind, field, key item) as
 * signed changes that V19's triggers write with every item written: a list of a whole session, or of everything,
 * sums a few hundred rows instead of counting every item it holds.
 */
@ApplicationScoped
public class SubmissionTally {

    @Inject
    EntityManager em;

    /**
     * Whether the tally holds this list's total: a list of every filed item (the office's, the auditor's) narrowed by
     * the item's own columns only. A proposer, a unit or words are counted item by item.
     */
    static boolean holds(SubmissionSearch.Criteria c) {
        return c.proposerId == null && (c.unit == null || c.unit.isBlank()) && c.q == null;
    }

    /** How many filed items match the list's columns: its total, as exact as a count in this transaction. */
    long total(SubmissionSearch.Criteria c) {
        StringBuilder sql = new StringBuilder("select coalesce(sum(delta), 0) from submission_tally where state <> '")
                .append(SubmissionState.DRAFT.name()).append("'");
        if (c.sessionId != null) {
            sql.append(" and session_id = :session");
        }
        if (c.kind != null) {
            sql.append(" and kind = :kind");
        }
        if (c.field != null) {
            sql.append(" and field = :field");
        }
        if (c.state != null) {
            sql.append(" and state = :state");
        }
        if (c.keyItem != null) {
            sql.append(" and key_item = :keyItem");
        }
        Query query = em.createNativeQuery(sql.toString());
        if (c.sessionId != null) {
            query.setParameter("session", c.sessionId);
        }
        if (c.kind != null) {
            query.setParameter("kind", c.kind.name());
        }
        if (c.field != null) {
            query.setParameter("field", c.field);
        }
        if (c.state != null) {
            query.setParameter("state", c.state.name());
        }
        if (c.keyItem != null) {
            query.setParameter("keyItem", c.keyItem);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Scheduled(every = "${banli.intake.tally-fold-interval:30s}", delayed = "10s", identity = "submission-tally-fold",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldNow() {
        int rows = fold();
        if (rows > 0) {
            Log.debugf("Folded the list totals of changed sessions into %d rows", rows);
        }
    }

    /**
     * Folds the changes of every session that has some into one row per combination of its columns, in one
     * statement; returns the rows written. Every replica may fold at once: a change is deleted, and so summed, by
     * one statement only (another one deleting it waits for that one's commit and then skips it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fold() {
        return em.createNativeQuery("""
                with folded as (
                    delete from submission_tally
                    where session_id in (select session_id from submission_tally where not folded)
                    returning session_id, state, kind, field, key_item, delta)
                insert into submission_tally (session_id, state, kind, field, key_item, delta, folded)
                select session_id, state, kind, field, key_item, sum(delta), true from folded
                group by session_id, state, kind, field, key_item
                having sum(delta) <> 0""").executeUpdate();
    }
}
