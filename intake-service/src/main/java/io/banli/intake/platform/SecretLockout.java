package io.banli.intake.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Stops guessing: after 10 wrong secrets for one client from one source address within 10 minutes (counted from the
 * first of them), that address's token requests for that client are refused for 10 minutes, right secret or not. Only
 * the pair is locked: a stranger guessing from elsewhere cannot lock the real platform out, and the rate limits bound
 * what any address may try. The count and the lock are kept in PostgreSQL ({@code token_failure}), so every replica
 * counts the same failures and honours the same lock, and a restart forgets nothing: three replicas do not give a
 * guesser three times the tries.
 */
@ApplicationScoped
public class SecretLockout {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** At least the window: when a lock ends, so has the window that caused it, and counting starts afresh. */
    static final Duration LOCK = Duration.ofMinutes(10);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    public boolean locked(String clientId, String source) {
        List<?> until = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select locked_until from token_failure
                where client_id = :client and source_address = :source and locked_until is not null""")
                .setParameter("client", clientId).setParameter("source", source).getResultList());
        return !until.isEmpty() && clock.instant().isBefore(instant(until.get(0)));
    }

    /**
     * One more wrong secret, counted in one statement whichever replica takes it; the tenth of a window locks the
     * pair. Counts only for registered clients, so unknown ids cannot fill the table.
     */
    public void failed(String clientId, String source) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into token_failure as f (client_id, source_address, window_start, failures)
                values (:client, :source, :now, 1)
                on conflict (client_id, source_address) do update set
                    window_start = case when f.window_start <= :windowOpened then :now else f.window_start end,
                    failures = case when f.window_start <= :windowOpened then 1 else f.failures + 1 end,
                    locked_until = case when f.window_start > :windowOpened and f.failures + 1 >= :max
                                        then :lockedUntil else f.locked_until end""")
                .setParameter("client", clientId).setParameter("source", source).setParameter("now", now)
                .setParameter("windowOpened", now.minus(WINDOW)).setParameter("max", MAX_FAILURES)
                .setParameter("lockedUntil", now.plus(LOCK)).executeUpdate());
    }

    /** A right secret forgets the pair's failures (a locked pair never gets this far). */
    public void succeeded(String clientId, String source) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from token_failure where client_id = :client and source_address = :source")
                .setParameter("client", clientId).setParameter("source", source).executeUpdate());
    }

    /** Rows whose window and lock have both passed count for nothing; every replica may run this, it only deletes. */
    @Scheduled(every = "10m", delayed = "1m", identity = "token-failure-purge")
    void purge() {
        Instant now = clock.instant();
        int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                delete from token_failure
                where window_start <= :windowOpened and (locked_until is null or locked_until <= :now)""")
                .setParameter("windowOpened", now.minus(WINDOW)).setParameter("now", now).executeUpdate());
        if (deleted > 0) {
            Log.debugf("Forgot %d expired token failure counts", deleted);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
