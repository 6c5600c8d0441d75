package io.banli.testing;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

/** {@link QuickPolls} for the Awaitility that a Quarkus test application's class loader holds (tests use that one). */
@Singleton
public class QuickPollsInQuarkus {

    void onStart(@Observes StartupEvent start) {
        QuickPolls.apply();
    }
}
