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
 * <li>idle tick: the sweep's claiming query when nothing is due (EXPLAIN ANALYZE, median of 50 runs);</li>
 * <li>100,000 deadlines becoming overdue at once: time until the packaged service has raised every
 * alert (state, outbox row, audit entry, two reminders each: every unit has a liaison officer and a head),
 * and until all are published to Kafka;</li>
 * <li>the yardstick: {@code pgbench}'s simple-update transaction on the same PostgreSQL in the same run,
 * when the machine has pgbench.</li>
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
                        platform, environment(),
                        repo.resolve("deploy/benchmarks/target/logs"))
                        .awaitReady();
                Connection db = DriverManager.getConnection(platform.jdbcUrl("supervision"), "postgres", "")) {
            long t0 = System.nanoTime();
            fill(db);
            System.out.printf("Filled %,d open deadlines with %,d pending alerts in %.1f s%n", OPEN_DEADLINES,
                    OPEN_DEADLINES, seconds(t0));

            double idle = idleTickMillis(db);
            System.out.printf("Idle tick (nothing due), median of 50: %.3f ms%n", idle);

            // Time passes for 100,000 deadlines at once (one transaction); the clock starts at its commit.
            exec(db, "update deadline_alert set fire_at = now() - interval '1 minute' where id in (select id from deadline_alert order by id limit " + BECOMING_OVERDUE + ")");
            // In production the alerts' fire times are written days before they come, and autovacuum has long
            // analysed them; here they were moved a moment ago, so the planner would think almost nothing is due
            // and sort every due alert for each batch of 2,000 instead of reading the index in order.
            exec(db, "analyze deadline_alert");
            t0 = System.nanoTime();
            // The waits ask the partial indexes whether anything is left (one row at most): counting what is done,
            // or even what is left, would compete with the work measured five times a second.
            Waits.untilNone(db, "select count(*) from (select 1 from deadline_alert where fired_at is null and fire_at <= now() limit 1) x");
            double raised = seconds(t0);
            Waits.untilNone(db, "select count(*) from (select 1 from outbox_event where published_at is null limit 1) x");
            double published = seconds(t0);
            long reminders = count(db, "select count(*) from reminder");
            System.out.printf("%,d becoming overdue at once: all raised in %.1f s (%.0f/s, %,d reminders planned), all "
                    + "on Kafka in %.1f s (%.0f/s)%n", BECOMING_OVERDUE, raised, BECOMING_OVERDUE / raised, reminders,
                    published, BECOMING_OVERDUE / published);
            Double tps = Pgbench.simpleUpdateTps(platform.postgresPort());
            if (tps == null) {
                System.out.println("pgbench is not installed on this machine: no yardstick");
            } else {
                System.out.printf("pgbench simple-update (-N), 2 clients, 10 s, same PostgreSQL: %.0f tx/s; "
                        + "ratio alerts raised/s to pgbench tx/s: %.2f, alerts raised and published/s: %.2f%n", tps,
                        BECOMING_OVERDUE / raised / tps, BECOMING_OVERDUE / published / tps);
            }
            System.out.printf("%nmachine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    /**
     * The service's settings for the run. Reminders are planned, not sent: no delivery competes with the sweep.
     * The sweep's own settings ({@code BANLI_SWEEP_BATCH_SIZE}, {@code BANLI_SWEEP_WORKERS}) pass through from the
     * benchmark's environment, to compare them on one machine.
     */
    private static Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("BANLI_SWEEP_INTERVAL", "1s",
                "BANLI_REMINDERS_WORKING_HOURS_START", "00:00", "BANLI_REMINDERS_WORKING_HOURS_END", "00:00"));
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("BANLI_SWEEP_") && !name.equals("BANLI_SWEEP_INTERVAL")) {
                env.put(name, value);
                System.out.println("sweep setting from the environment: " + name + "=" + value);
            }
        });
        return env;
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
        // Every unit has a liaison officer and a head on file: each overdue alert plans two e-mail reminders.
        exec(db, """
                insert into unit_contact (unit_id, role, name, email)
                select u, r, '联系人' || u, lower(r) || u || '@unit.example'
                from generate_series(0, 199) u, unnest(array['LIAISON', 'HEAD']) r""");
        exec(db, "vacuum analyze deadline");
        exec(db, "vacuum analyze deadline_alert");
    }

    private static double idleTickMillis(Connection db) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                    explain (analyze, format text)
                    select a.id, a.level, d.id, d.submission_id, d.unit_id, d.stage, d.state, d.due_at, d.key_item,
                           d.leading_official, d.commitment_id
                    from deadline_alert a join deadline d on d.id = a.deadline_id
                    where a.fired_at is null and a.fire_at <= now()
                    order by a.fire_at limit 2000 for update of a, d skip locked""")) {
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

    private static long count(Connection db, String query) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
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
