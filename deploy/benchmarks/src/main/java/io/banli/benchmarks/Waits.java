package io.banli.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Waiting for a condition in a service's database, asked again every 200 ms. */
final class Waits {

    private Waits() {
    }

    /** Waits until the count query says 0 (an outbox drained, alerts fired); fails after 30 minutes. */
    static void untilNone(Connection db, String countQuery) throws Exception {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(countQuery)) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Not reached in 30 minutes: " + countQuery);
    }
}
