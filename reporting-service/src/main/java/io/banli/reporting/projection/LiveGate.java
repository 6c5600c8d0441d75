package io.banli.reporting.projection;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets a rebuild put its fresh tables in place of the live ones while no live event is being
 * applied: the consumer applies events under the shared side, the swap takes the exclusive side.
 * (One replica applies the projection; see the module README.)
 */
@ApplicationScoped
public class LiveGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public void whileOpen(Runnable apply) {
        lock.readLock().lock();
        try {
            apply.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    public void closed(Runnable swap) {
        lock.writeLock().lock();
        try {
            swap.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
