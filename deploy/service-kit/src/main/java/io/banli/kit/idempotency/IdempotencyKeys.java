package io.banli.kit.idempotency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The {@code idempotency_key} table. Every write runs in its own short transaction, never in the resource's:
 * the reservation must be visible to a concurrent retry before the resource starts, and must survive (or be
 * released) whatever the resource's transaction does.
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    IdempotencyConfig config;

    /**
     * Reserves {@code key} for this request. Empty if this request won the key; else the row another request
     * (the first one, still running or finished) holds. The primary key decides a race.
     */
    Optional<StoredKey> reserve(String principal, String key, String method, String path, String requestHash) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    insert into idempotency_key (principal, key, method, path, request_hash, created_at)
                    values (:principal, :key, :method, :path, :hash, :now)
                    on conflict (principal, key) do nothing""")
                    .setParameter("principal", principal).setParameter("key", key).setParameter("method", method)
                    .setParameter("path", path).setParameter("hash", requestHash)
                    .setParameter("now", clock.instant())
                    .executeUpdate());
            if (inserted == 1) {
                return Optional.empty();
            }
            Optional<StoredKey> existing = find(principal, key);
            if (existing.isPresent()) {
                return existing;
            }
            // Released (a 5xx) or purged between our insert and our read: try to take it again.
        }
        throw new IllegalStateException("Idempotency key kept changing under a retry: " + key);
    }

    @SuppressWarnings("unchecked")
    private Optional<StoredKey> find(String principal, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                select method, path, request_hash, status, response_body, content_type, location
                from idempotency_key where principal = :principal and key = :key""")
                .setParameter("principal", principal).setParameter("key", key)
                .getResultList()).stream()
                .map(r -> new StoredKey((String) r[0], (String) r[1], (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).intValue(), (byte[]) r[4], (String) r[5], (String) r[6]))
                .findFirst());
    }

    /** Stores what the first request answered, for every retry to get the same. */
    void complete(String principal, String key, int status, byte[] body, String contentType, String location) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update idempotency_key set status = :status, response_body = :body, content_type = :type,
                    location = :location, completed_at = :now
                where principal = :principal and key = :key""")
                .setParameter("status", status).setParameter("body", body).setParameter("type", contentType)
                .setParameter("location", location).setParameter("now", clock.instant())
                .setParameter("principal", principal).setParameter("key", key)
                .executeUpdate());
    }

    /** Forgets a key whose request failed on our side, so that a retry runs again. */
    void release(String principal, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from idempotency_key where principal = :principal and key = :key")
                .setParameter("principal", principal).setParameter("key", key)
                .executeUpdate());
    }

    @Scheduled(every = "${banli.idempotency.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from idempotency_key where created_at < :before")
                .setParameter("before", clock.instant().minus(config.retention()))
                .executeUpdate());
        if (purged > 0) {
            Log.debugf("Purged %d idempotency keys older than %s", purged, config.retention());
        }
    }
}
