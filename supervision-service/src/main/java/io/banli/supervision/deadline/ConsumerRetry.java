package io.banli.supervision.deadline;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Applies a consumed event in its own transaction and, when the database fails for a reason that
 * passes (a lock held too long, a deadlock, a serialization conflict, a dropped connection), tries
 * again a few times with a growing pause before the event goes to the dead-letter topic. An event
 * that can never be applied (bad data) is not retried.
 */
@ApplicationScoped
public class ConsumerRetry {

    /** How consumers wait for the database. */
    @ConfigMapping(prefix = "banli.consumer")
    public interface Config {
        /** How long a consumer waits for a row lock before the attempt fails (and is retried). */
        @WithDefault("5s")
        Duration lockTimeout();

        /** Attempts after the first one. */
        @WithDefault("3")
        int retries();

        /** The pause before the first retry; it doubles with each further one. */
        @WithDefault("500ms")
        Duration retryBackoff();
    }

    @Inject
    Config config;

    @Inject
    EntityManager em;

    public void apply(String what, Runnable work) {
        for (int attempt = 0; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    // A consumer stuck behind a lock would hold up its whole partition: fail, pause, try again.
                    em.createNativeQuery("select set_config('lock_timeout', :timeout, true)")
                            .setParameter("timeout", config.lockTimeout().toMillis() + "ms").getSingleResult();
                    work.run();
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= config.retries() || !isTransient(e)) {
                    throw e;
                }
                Duration pause = config.retryBackoff().multipliedBy(1L << attempt);
                Log.infof("%s failed for a passing reason (attempt %d), retrying in %d ms: %s", what, attempt + 1,
                        pause.toMillis(), rootMessage(e));
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Lock waits, deadlocks, serialization conflicts and lost connections pass; everything else stays. */
    static boolean isTransient(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof PessimisticLockException || e instanceof LockTimeoutException
                    || e instanceof OptimisticLockException || e instanceof SQLTransientException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 40: transaction rollback (serialization failure, deadlock); 08: connection; 55P03: lock not
                // available; 57P01: the server is shutting down (a failover).
                if (state.startsWith("40") || state.startsWith("08") || state.equals("55P03")
                        || state.equals("57P01")) {
                    return true;
                }
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
