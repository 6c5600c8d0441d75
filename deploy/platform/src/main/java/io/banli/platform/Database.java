package io.banli.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries shipped in a Maven artifact: no install, no Docker.
 * Each service gets a database of its own, created here if it does not exist yet, and a login role
 * {@code <database>_app} it runs as; the superuser stays the owner that migrates (README, Security).
 * It listens on the loopback addresses only.
 */
final class Database implements AutoCloseable {

    /** Environment variable: {@code on} loads PostgreSQL's statement statistics (a benchmark's profile). */
    static final String STATEMENT_STATISTICS = "BANLI_PG_STATEMENT_STATISTICS";

    private final EmbeddedPostgres postgres;

    private Database(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param durable false for tests: fsync off is much faster and the data is thrown away anyway
     */
    static Database start(Path dataDir, int port, boolean durable, List<String> databases) throws Exception {
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        if ("on".equals(System.getenv(STATEMENT_STATISTICS))) {
            // For profiling a benchmark: what each statement costs inside the server, summed (pg_stat_statements).
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        if (durable) {
            // The embedded launcher starts PostgreSQL with -F (fsync off); kept data must survive a crash.
            builder.setServerConfig("fsync", "on");
        } else {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        Database database = new Database(builder.start());
        database.createDatabases(databases);
        return database;
    }

    private void createDatabases(List<String> names) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("Not a database name: " + name);
                }
                try (ResultSet rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + name + "_app'")) {
                    if (!rs.next()) {
                        // Trust authentication on the loopback address: the development cluster has no passwords.
                        statement.execute("create role " + name + "_app login");
                    }
                }
                try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                statement.execute("create database " + name);
            }
        }
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
