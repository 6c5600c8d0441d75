package io.banli.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every wait of every test module asks its condition at once and then after 10, 20, 40 ms, up to every 100 ms.
 * Awaitility's own default waits 100 ms before the first check and polls every 100 ms, so a condition that already
 * holds (most do by the time a test asks) cost a tenth of a second each: minutes over the suite. No test has to
 * remember it: the JUnit launcher applies it (META-INF/services) for plain tests, and {@link QuickPollsInQuarkus}
 * inside each Quarkus test application, whose class loader has its own copy of Awaitility. An explicit
 * {@code pollInterval} or {@code pollDelay} in a test still wins.
 */
public class QuickPolls implements LauncherSessionListener {

    static final Duration FIRST_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_INTERVAL = Duration.ofMillis(100);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        apply();
    }

    static void apply() {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(new IterativePollInterval(
                previous -> previous.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : previous.multipliedBy(2),
                FIRST_INTERVAL));
    }
}
