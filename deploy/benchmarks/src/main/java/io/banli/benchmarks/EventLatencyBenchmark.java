package io.banli.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * How long an event takes from the commit that wrote it in intake to the commit that applied it in
 * assignment, at a steady 100 registrations a second through the packaged services, read from the two
 * databases (intake's outbox row time, assignment's inbox row time, same event id, same machine clock).
 * Kafka's own {@code EndToEndLatency} tool runs on the same broker in the same run as the yardstick.
 * Run: {@code ./mvnw -q -pl deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl deploy/benchmarks exec:java
 * -Dexec.mainClass=io.banli.benchmarks.EventLatencyBenchmark}
 */
public final class EventLatencyBenchmark {

    static final int RATE_PER_SECOND = 100;
    static final int SECONDS = 30;
    static final String REGISTERED = "banli.intake.submission.registered.v1";

    private EventLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path logs = repo.resolve("deploy/benchmarks/target/logs");
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess intake = ServiceProcess.start(repo, "intake-service", PlatformProcess.freePort(),
                        platform, Map.of("BANLI_PLATFORM_TOKEN_SIGNING_KEY", DevTokens.privateKeyPem()), logs);
                ServiceProcess assignment = ServiceProcess.start(repo, "assignment-service", PlatformProcess.freePort(),
                        platform, Map.of(), logs)) {
            intake.awaitReady();
            assignment.awaitReady();
            String office = DevTokens.sign("office-bench", "office", Map.of());
            HttpClient http = HttpClient.newHttpClient();
            long session = Http.id(Http.post(http, intake.url() + "/api/v1/sessions", office, """
                    {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "基准会议", "year": 2025}"""));
            long member = Http.id(Http.post(http, intake.url() + "/api/v1/members", office, """
                    {"kind": "DEPUTY", "name": "基准代表", "delegation": "基准代表团"}"""));
            String filing = """
                    {"kind": "SUGGESTION", "sessionId": %d, "title": "关于第%%d件基准建议", "body": "建议内容。",
                     "field": "SOCIAL_LIVELIHOOD", "leadProposerId": %d}""".formatted(session, member);

            // Warm-up: the JIT, the pools and the consumer's partitions, not measured.
            for (int i = 0; i < 300; i++) {
                Http.post(http, intake.url() + "/api/v1/submissions", office, filing.formatted(i));
            }
            Instant measuredFrom = Instant.now();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ScheduledExecutorService pace = Executors.newScheduledThreadPool(8);
            pace.scheduleAtFixedRate(() -> {
                int n = sent.incrementAndGet();
                if (n > RATE_PER_SECOND * SECONDS) {
                    return;
                }
                try {
                    Http.post(http, intake.url() + "/api/v1/submissions", office, filing.formatted(1000 + n));
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }, 0, 1_000_000 / RATE_PER_SECOND, TimeUnit.MICROSECONDS);
            while (sent.get() <= RATE_PER_SECOND * SECONDS) {
                Thread.sleep(100);
            }
            pace.shutdown();
            pace.awaitTermination(30, TimeUnit.SECONDS);

            List<Double> latencies = latencies(platform, measuredFrom, RATE_PER_SECOND * SECONDS);
            Collections.sort(latencies);
            System.out.printf("Banli: %,d registrations at %d/s, %d failed; intake commit -> assignment commit: "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.size(), RATE_PER_SECOND, failed.get(),
                    percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
            double[] kafka = kafkaEndToEnd(platform.kafkaBootstrapServers(), RATE_PER_SECOND * SECONDS);
            System.out.printf("Kafka EndToEndLatency (acks=all, 512 B, same broker): p50 %.0f ms, p99 %.0f ms%n",
                    kafka[0], kafka[1]);
            System.out.printf("ratio Banli/Kafka: p50 %.1f x, p99 %.1f x%n",
                    percentile(latencies, 50) / Math.max(1, kafka[0]), percentile(latencies, 99) / Math.max(1, kafka[1]));
            System.out.printf("%nmachine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    /** Each measured registered event's outbox time in intake against its inbox time in assignment. */
    private static List<Double> latencies(PlatformProcess platform, Instant from, int expected) throws Exception {
        Map<String, Instant> written = new HashMap<>();
        try (Connection intake = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                PreparedStatement q = intake.prepareStatement("select cast(event_id as text), occurred_at "
                        + "from outbox_event where event_type = ? and occurred_at >= ?")) {
            q.setString(1, REGISTERED);
            q.setObject(2, java.sql.Timestamp.from(from));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    written.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        List<Double> latencies = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Connection assignment = DriverManager.getConnection(platform.jdbcUrl("assignment"), "postgres", "")) {
            while (latencies.size() < Math.min(expected, written.size()) && System.nanoTime() < until) {
                latencies.clear();
                try (PreparedStatement q = assignment.prepareStatement("select cast(event_id as text), received_at "
                        + "from inbox_event where event_type = ?")) {
                    q.setString(1, REGISTERED);
                    try (ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            Instant at = written.get(rows.getString(1));
                            if (at != null) {
                                latencies.add(java.time.Duration.between(at, rows.getTimestamp(2).toInstant())
                                        .toNanos() / 1e6);
                            }
                        }
                    }
                }
                Thread.sleep(500);
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException("No registered event reached assignment");
        }
        return latencies;
    }

    /** Runs Kafka's own tool in a JVM of its own; returns its p50 and p99 in ms. */
    private static double[] kafkaEndToEnd(String bootstrap, int messages) throws Exception {
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                KafkaYardsticks.classpath(), "org.apache.kafka.tools.EndToEndLatency", bootstrap,
                "bench-end-to-end-latency", String.valueOf(messages), "all", "512").redirectErrorStream(true).start();
        Pattern percentiles = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+)");
        double[] found = null;
        StringBuilder said = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                said.append(line).append('\n');
                Matcher m = percentiles.matcher(line);
                if (m.find()) {
                    found = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
                }
            }
        }
        tool.waitFor();
        if (found == null) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + said);
        }
        return found;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
