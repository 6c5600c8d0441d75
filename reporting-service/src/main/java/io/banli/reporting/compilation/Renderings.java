package io.banli.reporting.compilation;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Documents and charts are drawn at most as many at a time as the service has processors. Drawing is CPU-bound, so
 * two cores draw no faster with eight in flight, and each document holds its images, font tables and pages in the
 * heap while it is drawn: the heap's peak, and with it the resident memory a pod is limited to, follows how many are
 * drawn at once. A request beyond that waits for its turn, in order of arrival.
 */
@ApplicationScoped
public class Renderings {

    private final Semaphore turns;

    public Renderings() {
        this(Runtime.getRuntime().availableProcessors());
    }

    Renderings(int atOnce) {
        turns = new Semaphore(Math.max(1, atOnce), true);
    }

    /** What {@code drawing} gives, drawn in its turn. */
    public <T> T draw(Supplier<T> drawing) {
        turns.acquireUninterruptibly();
        try {
            return drawing.get();
        } finally {
            turns.release();
        }
    }

    /** How many wait for their turn now. */
    int waiting() {
        return turns.getQueueLength();
    }
}
