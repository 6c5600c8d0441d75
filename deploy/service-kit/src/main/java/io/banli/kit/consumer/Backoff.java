package io.banli.kit.consumer;

import java.time.Duration;

/** Capped exponential backoff: the first pause, doubled after each failed attempt, never above the cap. */
public record Backoff(Duration first, Duration cap) {

    /** The pause after failed attempt number {@code attempt} (0 for the first failure). */
    public Duration pause(int attempt) {
        if (attempt >= 30) {
            return cap;
        }
        Duration pause = first.multipliedBy(1L << attempt);
        return pause.compareTo(cap) > 0 ? cap : pause;
    }
}
