package io.banli.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import io.banli.kit.consumer.Failures.Verdict;
import io.banli.kit.inbox.EventNotReadyException;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.kit.inbox.UnprocessableEventException;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/** Which failures cost a retry, which a bounded wait, and which send the record to the dead-letter topic. */
class FailuresTest {

    static final ReceivedEvent EVENT = new ReceivedEvent("e-1", "banli.test.v1", "42", "{}");

    @Test
    void theDatabaseAwayOrBusyIsRetried() {
        for (String state : new String[] {"08006", "08001", "40001", "40P01", "55P03", "57014", "57P01", "57P02",
                "57P03", "53300"}) {
            assertThat(Failures.classify(wrapped(new SQLException("no", state)))).as(state).isEqualTo(Verdict.RETRY);
        }
        // A database that refuses connections (ALLOW_CONNECTIONS false, a switchover) says so with 55000.
        assertThat(Failures.classify(wrapped(new SQLException(
                "FATAL: database \"assignment\" is not currently accepting connections", "55000"))))
                .isEqualTo(Verdict.RETRY);
        assertThat(Failures.classify(new JDBCConnectionException("gone", new SQLException("gone"))))
                .isEqualTo(Verdict.RETRY);
        assertThat(Failures.classify(new GenericJDBCException("Unable to acquire JDBC Connection [Acquisition "
                + "timeout while waiting for new connection]", new SQLException("Acquisition timeout"))))
                .isEqualTo(Verdict.RETRY);
        assertThat(Failures.classify(new OptimisticLockException("changed meanwhile"))).isEqualTo(Verdict.RETRY);
        assertThat(Failures.classify(wrapped(new SQLTransientConnectionException("pool empty"))))
                .isEqualTo(Verdict.RETRY);
    }

    @Test
    void aCommitCutOffByTheDatabaseIsRetried() {
        // As Narayana reports a commit whose connection the database ended: its error suppressed, not the cause.
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("one-phase commit failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(Failures.classify(new QuarkusTransactionException(commit))).isEqualTo(Verdict.RETRY);
        // A commit refused for the record's own reason (a deferred constraint) stays the record's.
        RollbackException refused = new RollbackException("ARJUNA016053: Could not commit transaction.");
        refused.addSuppressed(new SQLException("violates foreign key constraint", "23503"));
        assertThat(Failures.classify(new QuarkusTransactionException(refused))).isEqualTo(Verdict.DEAD_LETTER);
        // Outside a commit, a failure suppressed behind the one that counts does not decide.
        IllegalArgumentException bad = new IllegalArgumentException("no such unit");
        bad.addSuppressed(new SQLException("closed", "08003"));
        assertThat(Failures.classify(bad)).isEqualTo(Verdict.DEAD_LETTER);
    }

    @Test
    void anEventAheadOfWhatItNeedsWaits() {
        assertThat(Failures.classify(new EventNotReadyException(EVENT, "submission 42 is not here yet")))
                .isEqualTo(Verdict.WAIT);
    }

    @Test
    void theRecordsOwnFaultsAreDeadLettered() {
        assertThat(Failures.classify(new UnprocessableEventException(EVENT, "submissionId is required")))
                .isEqualTo(Verdict.DEAD_LETTER);
        assertThat(Failures.classify(new UnprocessableEventException("not a CloudEvent")))
                .isEqualTo(Verdict.DEAD_LETTER);
        // A constraint violated, a 55000 that is a programming error, a bug: retrying would not help.
        assertThat(Failures.classify(wrapped(new SQLException("duplicate key", "23505"))))
                .isEqualTo(Verdict.DEAD_LETTER);
        assertThat(Failures.classify(wrapped(new SQLException("currval of sequence is not yet defined", "55000"))))
                .isEqualTo(Verdict.DEAD_LETTER);
        assertThat(Failures.classify(new NullPointerException())).isEqualTo(Verdict.DEAD_LETTER);
    }

    @Test
    void anUnprocessableEventIsNeverRetriedEvenIfTheDatabaseFailedToo() {
        assertThat(Failures.classify(new UnprocessableEventException(EVENT, "bad")
                .initCause(new SQLException("x", "08006")))).isEqualTo(Verdict.DEAD_LETTER);
    }

    @Test
    void aCauseChainThatLoopsEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Failures.classify(a)).isEqualTo(Verdict.DEAD_LETTER);
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(15));
        assertThat(backoff.pause(0)).hasMillis(100);
        assertThat(backoff.pause(1)).hasMillis(200);
        assertThat(backoff.pause(7)).hasMillis(12_800);
        assertThat(backoff.pause(8)).hasSeconds(15);
        assertThat(backoff.pause(1000)).hasSeconds(15);
    }

    private static PersistenceException wrapped(SQLException e) {
        return new PersistenceException("could not execute statement", e);
    }
}
