package io.banli.intake.submission;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The totals of common words kept by V23: a word of two Han characters that a list found in many items of a session
 * has its total there kept from then on, as a folded count and signed changes that every change of an item's text
 * writes, so that its next lists sum a few rows instead of counting every item that holds it.
 */
@ApplicationScoped
public class WordTotals {

    /** A word asked for in one session. */
    private record Word(long sessionId, String word) {
    }

    /** The words to keep, asked for since the last run, each once: at most 1,024 between two runs. */
    private final Set<Word> wanted = ConcurrentHashMap.newKeySet();

    @Inject
    EntityManager em;

    /**
     * From how many items a word's total is kept: below that the index counts it in a millisecond or two, and each
     * kept total costs every item holding the word a row when it is written.
     */
    @ConfigProperty(name = "banli.intake.word-totals-from")
    long keptFrom;

    /** A list counted this word of the session from the index and found this many items. */
    void counted(long sessionId, String word, long items) {
        if (items >= keptFrom && wanted.size() < 1_024) {
            wanted.add(new Word(sessionId, word));
        }
    }

    @Scheduled(every = "${banli.intake.word-totals-interval:5s}", delayed = "5s", identity = "word-totals-keep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepAsked() {
        for (Word w : wanted) {
            wanted.remove(w);
            try {
                if (keep(w.sessionId(), w.word())) {
                    Log.debugf("Keeping the total of %s in session %d", w.word(), w.sessionId());
                }
            } catch (RuntimeException e) {
                // Writers held the keys longer than the wait (or the database was away): the word's next list
                // asks again.
                Log.debugf("The total of %s in session %d is not kept yet: %s", w.word(), w.sessionId(), e);
            }
        }
    }

    /**
     * Keeps the total of the session's word from now on, unless it is kept already; returns whether it was kept
     * now. Registrations wait at most a tenth of a second for it: a longer writer (an import) makes it give up.
     */
    public boolean keep(long sessionId, String word) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local lock_timeout = '100ms'").executeUpdate();
            return (Boolean) em.createNativeQuery("select intake_keep_word_total(:session, :word)")
                    .setParameter("session", sessionId).setParameter("word", word).getSingleResult();
        });
    }

    @Scheduled(every = "${banli.intake.tally-fold-interval:30s}", delayed = "10s", identity = "word-totals-fold",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldNow() {
        int totals = fold();
        if (totals > 0) {
            Log.debugf("Folded the changes of %d kept word totals", totals);
        }
    }

    /**
     * Folds every change into its key's count in one statement; returns the totals changed. Replicas may fold at
     * once: a change is deleted, and so added, by one statement only, as with the office's totals.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fold() {
        return em.createNativeQuery("""
                with folded as (delete from submission_word_changes returning key, delta)
                update submission_word_totals t set items = t.items + f.delta
                from (select key, sum(delta) as delta from folded group by key) f
                where t.key = f.key and f.delta <> 0""").executeUpdate();
    }
}
