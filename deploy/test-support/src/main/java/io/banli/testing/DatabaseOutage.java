package io.banli.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes one service's database refuse connections, as a PostgreSQL restart or a switchover does: new
 * connections are refused and the open ones are terminated. {@link #close()} lets them in again. Works from an
 * admin connection to the server's {@code postgres} database, so the service's own pool plays no part.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String serverUrl;
    private final String database;
    private boolean over;

    private DatabaseOutage(String serverUrl, String database) {
        this.serverUrl = serverUrl;
        this.database = database;
    }

    /**
     * @param jdbcUrl the service's own URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/assignment}
     */
    public static DatabaseOutage begin(String jdbcUrl) {
        int slash = jdbcUrl.lastIndexOf('/');
        String database = jdbcUrl.substring(slash + 1).replaceAll("\\?.*", "");
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a database name: " + database);
        }
        DatabaseOutage outage = new DatabaseOutage(jdbcUrl.substring(0, slash + 1) + "postgres", database);
        outage.run("alter database " + database + " allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        return outage;
    }

    /** The database accepts connections again. */
    @Override
    public void close() {
        if (!over) {
            over = true;
            run("alter database " + database + " allow_connections true");
        }
    }

    private void run(String... statements) {
        try (Connection connection = DriverManager.getConnection(serverUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change access to database " + database, e);
        }
    }
}
