package io.banli.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * The service kit's outbox relay at full speed: 100,000 outbox rows (about 500 bytes of JSON each, 10,000
 * submissions) are written straight into the outbox of a running packaged service in one transaction; the time
 * from that commit until the relay has published and marked every row. Kafka's own {@code ProducerPerformance}
 * then sends as many records of 500 bytes to the same broker with the same producer settings, as the yardstick.
 * Run: {@code ./mvnw -q -pl deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl deploy/benchmarks exec:java
 * -Dexec.mainClass=io.banli.benchmarks.RelayBenchmark}
 */
public final class RelayBenchmark {

    static final int ROWS = 100_000;
    static final int RECORD_SIZE = 500;
    static final String TOPIC = "bench.relay";

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                // The relay is woken by commits made through the service; rows written from outside are found
                // by its poll, here every 100 ms instead of 2 s so the poll does not dominate the figure.
                ServiceProcess service = ServiceProcess.start(repo, "supervision-service", PlatformProcess.freePort(),
                        platform, Map.of("BANLI_OUTBOX_POLL_INTERVAL", "100ms"),
                        repo.resolve("deploy/benchmarks/target/logs")).awaitReady();
                Connection db = DriverManager.getConnection(platform.jdbcUrl("supervision"), "postgres", "")) {
            // Warm-up: the producer, the topic's metadata and the JIT, not measured.
            insert(db, 2_000, "bench.relay.warm-up");
            waitForBacklog(db, 0);

            long t0 = System.nanoTime();
            insert(db, ROWS, TOPIC);
            double written = seconds(t0);
            t0 = System.nanoTime();
            waitForBacklog(db, 0);
            double relayed = seconds(t0);
            double span = span(db);
            long onTopic = KafkaYardsticks.records(platform.kafkaBootstrapServers(), TOPIC);
            System.out.printf("%,d outbox rows (%d B of JSON each) written in one transaction in %.1f s%n", ROWS,
                    RECORD_SIZE, written);
            System.out.printf("Relay: all published and marked %.2f s after the commit (%.0f events/s); first to last "
                    + "publication %.2f s; %,d records on the topic%n", relayed, ROWS / relayed, span, onTopic);

            double kafka = KafkaYardsticks.producerPerformance(platform.kafkaBootstrapServers(), "bench.producer-perf",
                    ROWS, RECORD_SIZE);
            System.out.printf("Kafka ProducerPerformance, %,d records of %d B, same broker and producer settings: "
                    + "%.0f records/s (%.2f s)%n", ROWS, RECORD_SIZE, kafka, ROWS / kafka);
            System.out.printf("ratio relay/Kafka: %.2f%n", (ROWS / relayed) / kafka);
            System.out.printf("%nmachine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    /** Rows shaped like real events: 10 per submission, a JSON payload padded to about 500 bytes. */
    private static void insert(Connection db, int rows, String topic) throws Exception {
        exec(db, """
                insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
                select gen_random_uuid(), '%s', 'banli.bench.relayed.v1', cast(g %% %d as text),
                       json_build_object('submissionId', g %% %d, 'seq', g, 'at', now(),
                                         'text', repeat('x', %d)),
                       now()
                from generate_series(1, %d) g order by g""".formatted(topic, Math.max(1, rows / 10),
                Math.max(1, rows / 10), RECORD_SIZE - 90, rows));
    }

    private static void waitForBacklog(Connection db, long target) throws Exception {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from outbox_event where published_at is null")) {
                rs.next();
                if (rs.getLong(1) <= target) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The backlog did not drain in 30 minutes");
    }

    /** Seconds from the first to the last publication of the measured rows. */
    private static double span(Connection db) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select extract(epoch from max(published_at) - min(published_at)) from outbox_event
                where topic = '%s'""".formatted(TOPIC))) {
            rs.next();
            return rs.getDouble(1);
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
