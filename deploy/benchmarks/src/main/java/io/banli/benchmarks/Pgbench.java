package io.banli.benchmarks;

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
        java.nio.file.Path script = java.nio.file.Files.createTempFile("pgbench-insert", ".sql");
        try {
            java.nio.file.Files.writeString(script, """
                    \\set s random(1, 4)
                    insert into pgbench_single_insert (session_id, title, at) values (:s, 'title', now());
                    """);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
                    java.sql.Statement st = c.createStatement()) {
                st.execute("""
                        drop table if exists pgbench_single_insert;
                        create table pgbench_single_insert (id bigint generated always as identity primary key,
                            session_id int not null, title text not null, at timestamptz not null);
                        create index on pgbench_single_insert (session_id)""");
            }
            return tps(run(pgbench, port, "-n", "-f", script.toString(), "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(seconds), "postgres"));
        } finally {
            java.nio.file.Files.deleteIfExists(script);
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
        List<String> command = new java.util.ArrayList<>(List.of(pgbench, "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "postgres"));
        command.addAll(List.of(args));
        return Commands.output(command);
    }

    private static String find() {
        return Commands.onPath("pgbench");
    }
}
