package io.banli.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own benchmark on the same server, as the yardstick of the database work Banli does. */
final class Pgbench {

    private Pgbench() {
    }

    /**
     * pgbench's simple-update transaction (-N: one select, two updates, one insert), two clients for 10 s on a
     * scale-10 set of pgbench's tables in the {@code postgres} database; null when pgbench is not on the PATH.
     */
    static Double simpleUpdateTps(int port) throws Exception {
        String pgbench = find();
        if (pgbench == null) {
            return null;
        }
        run(pgbench, port, "-i", "-q", "-s", "10", "postgres");
        String out = run(pgbench, port, "-N", "-c", "2", "-j", "2", "-T", "10", "postgres");
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    /**
     * pgbench's select-only transaction (-S: one primary-key select on pgbench_accounts), {@code clients} clients
     * for {@code seconds} on a scale-10 set in the {@code postgres} database; null without pgbench.
     */
    static Double selectOnlyTps(int port, int clients, int seconds) throws Exception {
        String pgbench = find();
        if (pgbench == null) {
            return null;
        }
        run(pgbench, port, "-i", "-q", "-s", "10", "postgres");
        return tps(run(pgbench, port, "-S", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "postgres"));
    }

    /**
     * A single-row insert per transaction (a custom script into a table of its own with an identity key, a few
     * columns and one more index), {@code clients} clients for {@code seconds}; null without pgbench.
     */
    static Double singleRowInsertTps(int port, int clients, int seconds) throws Exception {
        String pgbench = find();
        if (pgbench == null) {
            return null;
        }
        Path script = Files.createTempFile("pgbench-insert", ".sql");
        try {
            Files.writeString(script, """
                    \\set s random(1, 4)
                    insert into pgbench_single_insert (session_id, title, at) values (:s, 'title', now());
                    """);
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
                    Statement st = c.createStatement()) {
                st.execute("""
                        drop table if exists pgbench_single_insert;
                        create table pgbench_single_insert (id bigint generated always as identity primary key,
                            session_id int not null, title text not null, at timestamptz not null);
                        create index on pgbench_single_insert (session_id)""");
            }
            return tps(run(pgbench, port, "-n", "-f", script.toString(), "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(seconds), "postgres"));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * One statement of a service's own, from {@code clients} clients for {@code seconds} on the service's database
     * with its connections' settings ({@code options}, as {@code -c name=value}): p50 and p99 in ms from pgbench's log
     * of every transaction; null without pgbench.
     */
    static double[] statementLatencies(int port, String database, String options, String statement, int clients,
            int seconds) throws Exception {
        String pgbench = find();
        if (pgbench == null) {
            return null;
        }
        Path dir = Files.createTempDirectory("pgbench-statement");
        try {
            Path script = Files.writeString(dir.resolve("statement.sql"), statement + ";\n");
            run(pgbench, port, "-n", "-f", script.toString(), "-c", String.valueOf(clients), "-j", "2", "-T",
                    String.valueOf(seconds), "--log", "--log-prefix=" + dir.resolve("log"),
                    "dbname=" + database + " options='" + options + "'");
            // Each line: client, transaction, latency in microseconds, script, epoch seconds, microseconds.
            double[] micros;
            try (var logs = Files.list(dir)) {
                micros = logs.filter(f -> f.getFileName().toString().startsWith("log")).flatMap(f -> {
                    try {
                        return Files.readAllLines(f).stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).mapToDouble(line -> Double.parseDouble(line.split(" ")[2])).sorted().toArray();
            }
            if (micros.length == 0) {
                throw new IllegalStateException("pgbench logged no transaction");
            }
            return new double[] {micros[micros.length / 2] / 1000, micros[(int) (micros.length * 0.99)] / 1000};
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static double tps(String out) {
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String run(String pgbench, int port, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(pgbench, "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "postgres"));
        command.addAll(List.of(args));
        return Commands.output(command);
    }

    private static String find() {
        return Commands.onPath("pgbench");
    }
}
