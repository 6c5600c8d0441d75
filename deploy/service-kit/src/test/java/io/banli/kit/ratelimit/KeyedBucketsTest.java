package io.banli.kit.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyedBucketsTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void eachKeyHasItsOwnBucketAndIsToldWhenToRetry() {
        KeyedBuckets buckets = new KeyedBuckets(2, 6, 100);
        assertThat(buckets.take("a", 0).allowed()).isTrue();
        assertThat(buckets.take("a", 0).allowed()).isTrue();
        KeyedBuckets.Decision third = buckets.take("a", 0);
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(10);
        assertThat(buckets.take("b", 0).allowed()).isTrue();
        assertThat(buckets.take("a", 10 * SECOND).allowed()).isTrue();
    }

    @Test
    void strangersCannotGrowTheMapBeyondItsSize() {
        KeyedBuckets buckets = new KeyedBuckets(1, 60, 2);
        assertThat(buckets.take("a", 0).allowed()).isTrue();
        assertThat(buckets.take("b", 0).allowed()).isTrue();
        // Both buckets are in use: newcomers share the overflow bucket.
        assertThat(buckets.take("c", 0).allowed()).isTrue();
        assertThat(buckets.take("d", 0).allowed()).isFalse();
        // Once a and b have refilled they are forgotten and newcomers get buckets of their own again.
        assertThat(buckets.take("e", 5 * SECOND).allowed()).isTrue();
    }
}
