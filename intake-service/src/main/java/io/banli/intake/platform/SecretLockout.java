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
 * Stops guessing: after 10 wrong secrets for one client from one source address within 10 minutes, that address's
 * token requests for that client are refused for 10 minutes, right secret or not. Only the pair is locked: a
 * stranger guessing from elsewhere cannot lock the real platform out, and the rate limits bound what any address
 * may try. Kept in memory: each replica counts on its own and a restart forgets, which still turns an online guess
 * of a 256-bit secret from hopeless into more hopeless; its real job is to make a platform that is hammering with an
 * old secret visible and cheap to answer.
 */
@ApplicationScoped
public class SecretLockout {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration LOCK = Duration.ofMinutes(10);
    /** Pairs remembered at most; beyond it, pairs whose failures are all past the window are forgotten first. */
    static final int MAX_PAIRS = 10_000;

    @Inject
    Clock clock;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    public boolean locked(String clientId, String source) {
        String pair = pair(clientId, source);
        Instant until = lockedUntil.get(pair);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(pair, until);
        return false;
    }

    /** Counts only for registered clients, so unknown ids cannot grow the map. */
    public void failed(String clientId, String source) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_PAIRS) {
            forgetOld(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(pair(clientId, source), id -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= MAX_FAILURES) {
                lockedUntil.put(pair(clientId, source), now.plus(LOCK));
                recent.clear();
            }
        }
    }

    public void succeeded(String clientId, String source) {
        failures.remove(pair(clientId, source));
    }

    private void forgetOld(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Instant last = e.getValue().peekLast();
                return last == null || last.isBefore(now.minus(WINDOW));
            }
        });
        lockedUntil.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
    }

    private static String pair(String clientId, String source) {
        return clientId + "\u0000" + source;
    }
}
