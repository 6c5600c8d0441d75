package io.banli.kit.ratelimit;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perMinute} a minute. Synchronised per
 * client; clients never wait on each other.
 */
public final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int capacity, int perMinute, long now) {
        this.capacity = capacity;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token: the tokens left (0 or more), or -1 if there was none. */
    public synchronized long take(long now) {
        refill(now);
        if (tokens < 1) {
            return -1;
        }
        tokens -= 1;
        return (long) Math.floor(tokens);
    }

    /** Whole seconds until the next token, at least 1. */
    public synchronized long secondsUntilNext(long now) {
        refill(now);
        double missing = Math.max(0, 1 - tokens);
        return Math.max(1, (long) Math.ceil(missing / tokensPerNano / 1e9));
    }

    /** Whole seconds until the bucket is full again (0 when it is). */
    public synchronized long secondsUntilFull(long now) {
        refill(now);
        return (long) Math.ceil((capacity - tokens) / tokensPerNano / 1e9);
    }

    public int capacity() {
        return capacity;
    }

    /** Whether the bucket has refilled completely: forgetting it then changes nothing. */
    synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
        updatedAt = now;
    }
}
