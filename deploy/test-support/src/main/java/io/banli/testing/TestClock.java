package io.banli.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/**
 * Replaces the service's clock in {@code @QuarkusTest}s: it runs with real time but can be sent
 * forward, so a test can step past a deadline without waiting three months.
 */
@Singleton
public class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Duration offset = Duration.ZERO;

    public void travel(Duration forward) {
        offset = offset.plus(forward);
    }

    /** Sets the clock to this instant, from which it runs on in real time. */
    public void travelTo(Instant target) {
        offset = Duration.between(Instant.now(), target);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
