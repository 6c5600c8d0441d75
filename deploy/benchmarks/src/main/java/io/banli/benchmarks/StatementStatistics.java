package io.banli.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import io.banli.platform.PlatformProcess;

/**
 * Where a benchmark's time goes inside PostgreSQL: the statements of one database by total execution time, from
 * pg_stat_statements. Only when the platform was started with {@code BANLI_PG_STATEMENT_STATISTICS=on} in the
 * environment (the server must load the module at start); otherwise both calls do nothing.
 */
final class StatementStatistics {

    static final boolean ON = "on".equals(System.getenv("BANLI_PG_STATEMENT_STATISTICS"));

    private StatementStatistics() {
    }

    /** Forgets what was counted so far (the warm-up), so the figures printed later are the measured steps'. */
    static void reset(PlatformProcess platform, String database) throws Exception {
        if (!ON) {
            return;
        }
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(database), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            st.execute("select pg_stat_statements_reset()");
        }
    }

    /** Prints the {@code top} statements by total execution time: calls, total and mean milliseconds, rows. */
    static void print(PlatformProcess platform, String database, int top) throws Exception {
        if (!ON) {
            return;
        }
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(database), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select calls, total_exec_time, mean_exec_time, rows,
                               regexp_replace(query, '\\s+', ' ', 'g')
                        from pg_stat_statements s join pg_database d on d.oid = s.dbid
                        where d.datname = current_database()
                        order by total_exec_time desc limit %d""".formatted(top))) {
            System.out.printf("%nPostgreSQL statements of %s by total time (calls, total ms, mean ms, rows):%n", database);
            while (rs.next()) {
                String query = rs.getString(5);
                System.out.printf("%,9d %,10.0f %8.3f %,9d  %s%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getLong(4), query.length() > 160 ? query.substring(0, 160) + "…" : query);
            }
        }
    }
}
