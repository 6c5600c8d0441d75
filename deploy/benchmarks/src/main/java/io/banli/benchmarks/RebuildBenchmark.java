package io.banli.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * reporting-service rebuilding its projection from the topics, on the real platform: the lifecycles of
 * {@code -Dsubmissions=} submissions (100,000 unless given, about eleven events each, {@link SubmissionLifecycles})
 * are put on the three topics, the packaged service consumes them live, then the office starts a rebuild through the
 * REST API and the benchmark follows its progress until it is done: events/s from the start to the swap. The
 * statistics and the rankings read before the rebuild must read the same after it (exactness), and the service must
 * say the rebuilt figures matched the live ones. Yardsticks in the same run: Kafka's {@code ConsumerPerformance} over
 * the same topics and pgbench's simple-update transaction on the same PostgreSQL. {@code -Djfr=<file>} records the
 * service with Flight Recorder.
 * Run: {@code ./mvnw -q -pl reporting-service,deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl
 * deploy/benchmarks exec:java -Dexec.mainClass=io.banli.benchmarks.RebuildBenchmark}
 */
public final class RebuildBenchmark {

    private static final Pattern FIELD = Pattern.compile("\"(state|total|applied|matchesLive)\"\\s*:\\s*\"?([A-Za-z0-9]+)");
    /** The moment a figure was computed: the only thing allowed to differ. */
    private static final Pattern AS_OF = Pattern.compile("\"asOf\"\\s*:\\s*\"[^\"]*\",?");
    private static final List<String> FIGURES = List.of("/api/v1/statistics", "/api/v1/statistics?sessionId=2",
            "/api/v1/statistics?role=SPLIT", "/api/v1/rankings?by=ON_TIME_RATE",
            "/api/v1/rankings?by=SATISFACTION_RATE", "/api/v1/rankings?by=OVERDUE_DAYS");

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int submissions = Integer.getInteger("submissions", 100_000);
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        Map<String, String> env = RegisterBenchmark.recorderEnvironment();
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess reporting = ServiceProcess.start(repo, "reporting-service", PlatformProcess.freePort(),
                        platform, env, repo.resolve("deploy/benchmarks/target/logs")).awaitReady()) {
            String bootstrap = platform.kafkaBootstrapServers();
            long t0 = System.nanoTime();
            long events;
            try (SubmissionLifecycles stream = new SubmissionLifecycles(bootstrap)) {
                events = stream.send(submissions);
            }
            System.out.printf("%,d events of %,d submissions on the topics in %.1f s%n", events, submissions,
                    seconds(t0));
            ConsumerGroups.awaitCaughtUp(bootstrap, "reporting-service", Set.copyOf(SubmissionLifecycles.TOPICS),
                    events);
            System.out.printf("consumed live in %.1f s from the first send (%.0f events/s)%n", seconds(t0),
                    events / seconds(t0));

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String office = DevTokens.sign("office-bench", "office", Map.of());
            Map<String, String> before = figures(http, reporting.url(), office);

            String walBefore = walPosition(platform);
            long start = System.nanoTime();
            String run = call(http, "POST", reporting.url() + "/api/v1/projection/rebuilds", office, 202);
            String url = reporting.url() + "/api/v1/projection/rebuilds/" + field(run, "id", Pattern.compile(
                    "\"id\"\\s*:\\s*(\\d+)"));
            double replayed = 0;
            long shown = 0;
            while (true) {
                run = call(http, "GET", url, office, 200);
                Map<String, String> r = fields(run);
                long applied = Long.parseLong(r.get("applied"));
                long total = Long.parseLong(r.get("total"));
                if (replayed == 0 && total > 0 && applied >= total) {
                    replayed = seconds(start);
                }
                if (!r.get("state").equals("RUNNING")) {
                    break;
                }
                if (System.nanoTime() - shown > 5_000_000_000L) {
                    shown = System.nanoTime();
                    System.out.printf("  %5.1f s: %,d of %,d (%.0f events/s so far)%n", seconds(start), applied, total,
                            applied / seconds(start));
                }
                Thread.sleep(100);
            }
            double took = seconds(start);
            Map<String, String> r = fields(run);
            long total = Long.parseLong(r.get("total"));
            System.out.printf("rebuild %s: %,d events in %.2f s: %.0f events/s (replay %.2f s, then the rollups' refill, "
                    + "catch-up, comparison and swap %.2f s); matchesLive %s%n", r.get("state"), total, took,
                    total / took, replayed, took - replayed, r.get("matchesLive"));
            System.out.printf("write-ahead log written by PostgreSQL during the rebuild: %.1f MB%n",
                    walSince(platform, walBefore) / 1e6);

            Map<String, String> after = figures(http, reporting.url(), office);
            boolean exact = true;
            for (String path : FIGURES) {
                boolean same = before.get(path).equals(after.get(path));
                exact &= same;
                System.out.printf("  %-40s %s (%,d bytes)%n", path, same ? "equal" : "DIFFERENT", after.get(path)
                        .length());
            }
            System.out.println(exact ? "exact: every figure after the rebuild equals the one before"
                    : "NOT EXACT: figures changed across the rebuild");

            double kafka = KafkaYardsticks.consumerPerformance(bootstrap, SubmissionLifecycles.TOPICS);
            System.out.printf("Kafka ConsumerPerformance over the same topics: %.0f records/s; ratio rebuild/Kafka: "
                    + "%.3f%n", kafka, total / took / kafka);
            Double pgbench = Pgbench.simpleUpdateTps(platform.postgresPort());
            if (pgbench != null) {
                System.out.printf("pgbench simple-update on the same PostgreSQL: %.0f tx/s; ratio rebuilt events per "
                        + "pgbench transaction: %.2f%n", pgbench, total / took / pgbench);
            }
            System.out.printf("%nmachine: %d cores, %s %s, Java %s; load average at the end: %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"),
                    Files.readString(Path.of("/proc/loadavg")).trim());
            if (!exact || !"DONE".equals(r.get("state")) || !"true".equals(r.get("matchesLive"))) {
                throw new IllegalStateException("The rebuild was not exact: " + run);
            }
        }
    }

    private static Map<String, String> figures(HttpClient http, String base, String token) throws Exception {
        Map<String, String> figures = new HashMap<>();
        for (String path : FIGURES) {
            figures.put(path, AS_OF.matcher(call(http, "GET", base + path, token, 200)).replaceAll(""));
        }
        return figures;
    }

    private static String call(HttpClient http, String method, String url, String token, int expected)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    private static String field(String json, String name, Pattern pattern) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    /** PostgreSQL's write-ahead log position now: what a rebuild costs the log, and a standby, is read from it. */
    private static String walPosition(PlatformProcess platform) throws SQLException {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("reporting"), "postgres", "");
                ResultSet r = db.createStatement().executeQuery("select cast(pg_current_wal_lsn() as text)")) {
            r.next();
            return r.getString(1);
        }
    }

    private static long walSince(PlatformProcess platform, String position) throws SQLException {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("reporting"), "postgres", "");
                PreparedStatement q = db.prepareStatement("select cast(pg_wal_lsn_diff(pg_current_wal_lsn(), "
                        + "cast(? as pg_lsn)) as bigint)")) {
            q.setString(1, position);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
