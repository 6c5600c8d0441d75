package io.banli.kit.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TokenBucket} per key (a client, a source address, a pair of both), all of the same size. Keys come
 * from strangers (any address may knock), so the map is bounded: when it reaches its size, the buckets that have
 * refilled completely are forgotten, which changes nobody's standing; if every bucket is still in use, new keys
 * share one overflow bucket and are limited together rather than growing memory.
 */
public final class KeyedBuckets {

    /** Whether a request may go on, and if not, in how many whole seconds it may retry. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final String OVERFLOW = "\u0000overflow";

    private final int capacity;
    private final int perMinute;
    private final int maxKeys;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public KeyedBuckets(int capacity, int perMinute, int maxKeys) {
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.maxKeys = maxKeys;
    }

    public Decision take(String key, long nowNanos) {
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                buckets.values().removeIf(b -> b.full(nowNanos));
            }
            String slot = buckets.size() >= maxKeys ? OVERFLOW : key;
            bucket = buckets.computeIfAbsent(slot, k -> new TokenBucket(capacity, perMinute, nowNanos));
        }
        if (bucket.take(nowNanos) >= 0) {
            return new Decision(true, 0);
        }
        return new Decision(false, bucket.secondsUntilNext(nowNanos));
    }
}
