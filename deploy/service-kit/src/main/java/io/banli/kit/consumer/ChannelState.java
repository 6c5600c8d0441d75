package io.banli.kit.consumer;

import java.time.Instant;

/**
 * What one consumer channel is doing with its current record: applying it normally, stalled on the
 * database (retrying a transient failure), or waiting for an event the record depends on.
 */
final class ChannelState {

    private volatile Instant stalledSince;
    private volatile Instant waitingSince;
    private volatile String lastFailure;

    void stalled(Instant now, String failure) {
        if (stalledSince == null) {
            stalledSince = now;
        }
        waitingSince = null;
        lastFailure = failure;
    }

    void waiting(Instant now, String failure) {
        if (waitingSince == null) {
            waitingSince = now;
        }
        stalledSince = null;
        lastFailure = failure;
    }

    /** The record was applied or handed to the dead-letter topic: the channel flows again. */
    void settled() {
        stalledSince = null;
        waitingSince = null;
        lastFailure = null;
    }

    Instant stalledSince() {
        return stalledSince;
    }

    Instant waitingSince() {
        return waitingSince;
    }

    String lastFailure() {
        return lastFailure;
    }

    double stalledGauge() {
        return stalledSince == null ? 0 : 1;
    }

    double waitingGauge() {
        return waitingSince == null ? 0 : 1;
    }
}
