package io.banli.intake.submission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
     * How many filed items match the list's columns: its total, as exact as a count in this transaction. For a list
     * of every filed item (the office's, the auditor's) narrowed by the item's own columns only
     * ({@link SubmissionSearch.Criteria#byOwnColumnsOnly}).
     */
    long total(SubmissionSearch.Criteria c) {
        // Each filter by its column; the column's name is also the parameter's.
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("session_id", c.sessionId);
        filters.put("kind", c.kind == null ? null : c.kind.name());
        filters.put("field", c.field);
        filters.put("state", c.state == null ? null : c.state.name());
        filters.put("key_item", c.keyItem);
        filters.values().removeIf(Objects::isNull);
        Query query = em.createNativeQuery("select coalesce(sum(delta), 0) from submission_tally where state <> '"
                + SubmissionState.DRAFT.name() + "'" + filters.keySet().stream()
                        .map(column -> " and " + column + " = :" + column).collect(Collectors.joining()));
        filters.forEach(query::setParameter);
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
