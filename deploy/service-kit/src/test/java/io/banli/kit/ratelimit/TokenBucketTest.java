package io.banli.kit.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bucket on a clock the test holds: nanoseconds passed in, nothing waits. */
class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketServesItsCapacityAtOnceThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, 60, 0);
        assertThat(bucket.take(0)).as("tokens left").isEqualTo(2);
        assertThat(bucket.take(0)).isEqualTo(1);
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).as("none left").isEqualTo(-1);
        assertThat(bucket.take(0)).as("a refusal takes nothing").isEqualTo(-1);
    }

    @Test
    void tokensComeBackAtTheRateAMinuteAndNotBefore() {
        TokenBucket bucket = new TokenBucket(1, 60, 0); // one a second
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(SECOND - 1)).as("a nanosecond early").isEqualTo(-1);
        assertThat(bucket.take(SECOND)).as("after one second").isZero();
        assertThat(bucket.take(SECOND)).isEqualTo(-1);

        TokenBucket slow = new TokenBucket(2, 2, 0); // one every 30 s
        slow.take(0);
        slow.take(0);
        assertThat(slow.take(29 * SECOND)).isEqualTo(-1);
        assertThat(slow.take(30 * SECOND)).isZero();
    }

    @Test
    void anIdleBucketFillsToItsCapacityAndNoFurther() {
        TokenBucket bucket = new TokenBucket(2, 60, 0);
        bucket.take(0);
        bucket.take(0);
        long anHourLater = 3600 * SECOND;
        assertThat(bucket.full(anHourLater)).isTrue();
        assertThat(bucket.take(anHourLater)).isEqualTo(1);
        assertThat(bucket.take(anHourLater)).isZero();
        assertThat(bucket.take(anHourLater)).isEqualTo(-1);
        assertThat(bucket.capacity()).isEqualTo(2);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextTokenAndAtLeastOne() {
        TokenBucket bucket = new TokenBucket(1, 6, 0); // one every 10 s
        bucket.take(0);
        assertThat(bucket.secondsUntilNext(0)).isEqualTo(10);
        assertThat(bucket.secondsUntilNext(2 * SECOND + 1)).as("7.99… s rounds up").isEqualTo(8);
        assertThat(bucket.secondsUntilNext(9_999_999_999L)).as("a nanosecond left").isEqualTo(1);
        assertThat(bucket.secondsUntilNext(10 * SECOND)).as("a token is there: still at least 1").isEqualTo(1);
        assertThat(bucket.full(0)).isFalse();
    }

    @Test
    void resetIsTheWholeSecondsUntilTheBucketIsFullAgain() {
        TokenBucket bucket = new TokenBucket(3, 60, 0); // one a second
        assertThat(bucket.secondsUntilFull(0)).isZero();
        bucket.take(0);
        bucket.take(0);
        assertThat(bucket.secondsUntilFull(0)).isEqualTo(2);
        assertThat(bucket.secondsUntilFull(1_500_000_000L)).isEqualTo(1);
        assertThat(bucket.secondsUntilFull(2_000_000_000L)).isZero();
    }
}
