package io.banli.kit.consumer;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.RollbackException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import io.banli.kit.inbox.EventNotReadyException;
import io.banli.kit.inbox.UnprocessableEventException;

/**
 * Decides what a failed attempt at applying a record means. A failure of the infrastructure (the database
 * away, a failover, a deadlock, a lock or statement timeout, a serialization conflict, no connection in
 * the pool) says nothing about the record: it is retried for as long as it takes. An event that came
 * before what it depends on waits a bounded time. Everything else (not a CloudEvent, invalid data, a
 * business rule that will never pass, a bug) is the record's own: it goes to the dead-letter topic, from
 * where it can be replayed after a fix.
 */
public final class Failures {

    /** What to do with a record whose attempt failed. */
    public enum Verdict {
        /** The infrastructure failed: try again, forever, with backoff. */
        RETRY,
        /** The event depends on one not applied yet: try again for a bounded time. */
        WAIT,
        /** The record itself is at fault: dead-letter it, and the partition moves on. */
        DEAD_LETTER
    }

    /**
     * SQLState classes and codes that pass: 08 connection exception, 40 transaction rollback (serialization
     * failure, deadlock), 53 insufficient resources (too many connections, disk full), 58 system error (I/O).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "58");
    /**
     * 55P03 lock not available (lock_timeout), 57014 query cancelled (statement_timeout), 57P01..57P03 the
     * server shutting down or not accepting connections yet (a restart, a switchover).
     */
    private static final Set<String> TRANSIENT_CODES = Set.of("55P03", "57014", "57P01", "57P02", "57P03");

    private Failures() {
    }

    public static Verdict classify(Throwable error) {
        for (Throwable e : chain(error)) {
            if (e instanceof UnprocessableEventException) {
                return Verdict.DEAD_LETTER;
            }
            if (e instanceof EventNotReadyException) {
                return Verdict.WAIT;
            }
        }
        return isTransient(error) ? Verdict.RETRY : Verdict.DEAD_LETTER;
    }

    /** True when anything in the cause chain is a failure of the database or the pool, not of the record. */
    public static boolean isTransient(Throwable error) {
        for (Throwable e : chain(error)) {
            if (e instanceof JDBCConnectionException || e instanceof LockAcquisitionException
                    || e instanceof org.hibernate.PessimisticLockException || e instanceof StaleStateException
                    || e instanceof org.hibernate.QueryTimeoutException
                    || e instanceof PessimisticLockException || e instanceof LockTimeoutException
                    || e instanceof OptimisticLockException || e instanceof QueryTimeoutException
                    || e instanceof SQLTransientException || e instanceof SQLRecoverableException
                    || e instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql && transientState(sql.getSQLState(), sql.getMessage())) {
                return true;
            }
            if (connectionUnavailable(e.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error and its causes, at most 32 (a cause chain may loop). A commit the transaction manager could not
     * complete ({@link RollbackException}, "Could not commit transaction") carries what failed, the database's
     * own error, as suppressed, not as its cause: those are followed too. Elsewhere a suppressed failure came
     * after the one that counts (a close after it) and does not decide.
     */
    static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>(List.of(error));
        while (!next.isEmpty() && chain.size() < 32) {
            Throwable e = next.pop();
            if (chain.contains(e)) {
                continue;
            }
            chain.add(e);
            if (e.getCause() != null) {
                next.push(e.getCause());
            }
            if (e instanceof RollbackException) {
                for (Throwable suppressed : e.getSuppressed()) {
                    next.addLast(suppressed);
                }
            }
        }
        return chain;
    }

    static boolean transientState(String state, String message) {
        if (state == null || state.length() != 5) {
            return false;
        }
        if (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_CODES.contains(state)) {
            return true;
        }
        // 55000 is also a programming error (currval before nextval); only the refused connection passes.
        return state.equals("55000") && message != null && message.contains("not currently accepting connections");
    }

    /** The pool could not hand out a connection (Hibernate and Agroal say so only in words). */
    private static boolean connectionUnavailable(String message) {
        return message != null && (message.contains("Unable to acquire JDBC Connection")
                || message.contains("Acquisition timeout"));
    }
}
