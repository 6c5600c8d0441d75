package io.banli.intake.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stops guessing: after 10 wrong secrets for one client within 10 minutes, the client's token requests are refused
 * for 10 minutes, right secret or not. Kept in memory: each replica counts on its own and a restart forgets, which
 * still turns an online guess of a 256-bit secret from hopeless into more hopeless; its real job is to make a
 * platform that is hammering with an old secret visible and cheap to answer.
 */
@ApplicationScoped
public class SecretLockout {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration LOCK = Duration.ofMinutes(10);

    @Inject
    Clock clock;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    public boolean locked(String clientId) {
        Instant until = lockedUntil.get(clientId);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(clientId, until);
        return false;
    }

    /** Counts only for registered clients, so unknown ids cannot grow the map. */
    public void failed(String clientId) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(clientId, id -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= MAX_FAILURES) {
                lockedUntil.put(clientId, now.plus(LOCK));
                recent.clear();
            }
        }
    }

    public void succeeded(String clientId) {
        failures.remove(clientId);
    }
}
