package io.banli.reporting.tables;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Where the projection's writers send their statements: straight to the database in the consumer's transaction, or,
 * on the thread of a rebuild that is recording a batch, into that batch's {@link Recording}.
 */
@ApplicationScoped
public class Writes {

    private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

    @Inject
    EntityManager em;

    /** A statement with named parameters ({@code :name}) on tables named by a {@link Target}. */
    public Write sql(String statement) {
        Recording recording = RECORDING.get();
        return new Write(em, recording == null ? null : recording::add, statement);
    }

    /** Runs {@code apply} with every statement the writers make recorded into {@code recording} instead of executed. */
    public void recording(Recording recording, Runnable apply) {
        RECORDING.set(recording);
        try {
            apply.run();
        } finally {
            RECORDING.remove();
        }
    }
}
