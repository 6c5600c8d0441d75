package io.banli.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * The overdue sweep of supervision-service with one million open deadlines, on the real platform:
 * <ol>
 * <li>idle tick: the sweep's query when nothing is due (EXPLAIN ANALYZE, median of 50 runs);</li>
 * <li>100,000 deadlines becoming overdue at once: time until the packaged service has raised every
 * alert (state, outbox row, audit entry, reminders planned), and until all are published to Kafka.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl deploy/benchmarks exec:java}
 */
public final class SweepBenchmark {

    static final int OPEN_DEADLINES = 1_000_000;
    static final int BECOMING_OVERDUE = 100_000;

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess supervision = ServiceProcess.start(repo, "supervision-service", PlatformProcess.freePort(),
                        platform, Map.of("BANLI_SWEEP_INTERVAL", "1s"), repo.resolve("deploy/benchmarks/target/logs"))
                        .awaitReady();
                Connection db = DriverManager.getConnection(platform.jdbcUrl("supervision"), "postgres", "")) {
            long t0 = System.nanoTime();
            fill(db);
            System.out.printf("Filled %,d open deadlines with %,d pending alerts in %.1f s%n", OPEN_DEADLINES,
                    OPEN_DEADLINES, seconds(t0));

            double idle = idleTickMillis(db);
            System.out.printf("Idle tick (nothing due), median of 50: %.3f ms%n", idle);

            t0 = System.nanoTime();
            exec(db, "update deadline_alert set fire_at = now() - interval '1 minute' where id in (select id from deadline_alert order by id limit " + BECOMING_OVERDUE + ")");
            waitFor(db, "select count(*) from deadline_alert where fired_at is not null", BECOMING_OVERDUE);
            double raised = seconds(t0);
            waitFor(db, "select count(*) from outbox_event where published_at is not null", BECOMING_OVERDUE);
            double published = seconds(t0);
            System.out.printf("%,d becoming overdue at once: all raised in %.1f s (%.0f/s), all on Kafka in %.1f s "
                    + "(%.0f/s)%n", BECOMING_OVERDUE, raised, BECOMING_OVERDUE / raised, published,
                    BECOMING_OVERDUE / published);
            System.out.printf("%nmachine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    /** One million open reply deadlines due over the next three years, each with its pending red alert. */
    private static void fill(Connection db) throws Exception {
        exec(db, """
                insert into deadline (submission_id, assignment_id, unit_id, unit_name, stage, kind, starts_at, due_at,
                                      state, rule_id, provisional, extended, version)
                select 10000000 + g, 10000000 + g, g %% 200, '单位' || (g %% 200), 'REPLY', 'SUGGESTION',
                       now(), now() + interval '1 day' + (g %% 1000) * interval '1 day', 'OPEN',
                       (select id from deadline_rule where stage = 'REPLY' and active), false, false, 0
                from generate_series(1, %d) g""".formatted(OPEN_DEADLINES));
        exec(db, """
                insert into deadline_alert (deadline_id, level, fire_at)
                select id, 'RED', due_at from deadline where submission_id >= 10000000""");
        exec(db, "vacuum analyze deadline");
        exec(db, "vacuum analyze deadline_alert");
    }

    private static double idleTickMillis(Connection db) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                    explain (analyze, format text)
                    select id, level, deadline_id from deadline_alert
                    where fired_at is null and fire_at <= now()
                    order by fire_at limit 500 for update skip locked""")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (line.startsWith("Execution Time:")) {
                        times.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                    }
                }
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static void waitFor(Connection db, String countQuery, long target) throws Exception {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(countQuery)) {
                rs.next();
                if (rs.getLong(1) >= target) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Not reached in 30 minutes: " + countQuery);
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
