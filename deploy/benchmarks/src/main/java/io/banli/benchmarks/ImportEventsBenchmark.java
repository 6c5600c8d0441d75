package io.banli.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * A session's hand-over: 5,000 rows imported through intake's REST API (CSV, each row checked and filed
 * with a co-signer), then the time from the commit of the import's last row until every filed event is on
 * Kafka: the outbox rows' own times in intake's database (written at, published at; one clock), and the
 * topic's end offsets must account for every row. Run:
 * {@code ./mvnw -q -pl deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl deploy/benchmarks exec:java
 * -Dexec.mainClass=io.banli.benchmarks.ImportEventsBenchmark}
 */
public final class ImportEventsBenchmark {

    static final int ROWS = 5_000;
    static final String TOPIC = "banli.intake.submissions";
    static final String FILED = "banli.intake.submission.filed.v1";

    private ImportEventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess intake = ServiceProcess.start(repo, "intake-service", PlatformProcess.freePort(),
                        platform, Map.of("BANLI_PLATFORM_TOKEN_SIGNING_KEY", DevTokens.privateKeyPem()),
                        repo.resolve("deploy/benchmarks/target/logs")).awaitReady();
                Connection db = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "")) {
            String office = DevTokens.sign("office-bench", "office", Map.of());
            HttpClient http = HttpClient.newHttpClient();
            List<Long> deputies = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                deputies.add(Http.id(send(http, intake.url() + "/api/v1/members", office, "application/json", """
                        {"kind": "DEPUTY", "name": "基准代表%d", "delegation": "基准代表团"}""".formatted(i), 201)));
            }
            // Warm-up: a small session first (JIT, pools, the producer), not measured.
            importRows(http, intake, office, session(http, intake, office, "预热会议"), deputies, 500);
            awaitPublished(db);

            Instant from = Instant.now();
            long t0 = System.nanoTime();
            importRows(http, intake, office, session(http, intake, office, "基准会议"), deputies, ROWS);
            double imported = (System.nanoTime() - t0) / 1e9;
            awaitPublished(db);
            double[] spans = spans(db, from);
            long outboxRows = count(db, "select count(*) from outbox_event where topic = '" + TOPIC + "'");
            long onTopic = KafkaYardsticks.records(platform.kafkaBootstrapServers(), TOPIC);
            System.out.printf("%,d rows imported over REST in %.1f s (upload to report); %,.0f filed events%n", ROWS,
                    imported, spans[2]);
            System.out.printf("All on Kafka %.2f s after the import's last row was committed (first filed event "
                    + "written to last published: %.2f s); topic holds %,d records for %,d outbox rows%n", spans[0],
                    spans[1], onTopic, outboxRows);
            if (onTopic < outboxRows) {
                throw new IllegalStateException("The topic misses records: " + onTopic + " < " + outboxRows);
            }
            System.out.printf("%nmachine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    private static long session(HttpClient http, ServiceProcess intake, String office, String name) throws Exception {
        return Http.id(send(http, intake.url() + "/api/v1/sessions", office, "application/json", """
                {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "%s", "year": 2025}""".formatted(name), 201));
    }

    /** Uploads the rows and waits (polling the import's report) until intake says it is done. */
    private static void importRows(HttpClient http, ServiceProcess intake, String office, long session,
            List<Long> deputies, int rows) throws Exception {
        String[] fields = {"ECONOMY_SCIENCE", "SOCIAL_LIVELIHOOD", "URBAN_CONSTRUCTION_TRANSPORT", "AGRICULTURE_RURAL",
                "POLITICS_LAW", "OTHER"};
        StringBuilder csv = new StringBuilder("externalRef,kind,title,body,field,leadProposerId,coSignerIds\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("S").append(session).append('-').append(i).append(",SUGGESTION,关于第").append(i)
                    .append("项民生实事推进落实的建议,建议完善第").append(i).append("项民生实事的配套政策，明确责任单位和完成时限。,")
                    .append(fields[i % fields.length]).append(',').append(deputies.get(i % deputies.size())).append(',')
                    .append(deputies.get((i + 1) % deputies.size())).append('\n');
        }
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(
                        URI.create(intake.url() + "/api/v1/imports?sessionId=" + session))
                .header("Authorization", "Bearer " + office).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Import answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String report = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        long until = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < until) {
            String state = send(http, intake.url() + report, office, null, null, 200);
            if (!state.contains("\"RUNNING\"")) {
                if (!state.contains("\"DONE\"") || !state.contains("\"accepted\":" + rows)) {
                    throw new IllegalStateException("Import did not accept every row: " + state);
                }
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Import still running after 5 minutes");
    }

    private static void awaitPublished(Connection db) throws Exception {
        long until = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < until) {
            if (count(db, "select count(*) from outbox_event where published_at is null") == 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("Outbox not drained after 5 minutes");
    }

    /** Seconds from the last filed row's write to the last publication; from the first write; and how many. */
    private static double[] spans(Connection db, Instant from) throws Exception {
        try (PreparedStatement q = db.prepareStatement("""
                select extract(epoch from max(published_at) - max(occurred_at)),
                       extract(epoch from max(published_at) - min(occurred_at)), count(*)
                from outbox_event where event_type = ? and occurred_at >= ?""")) {
            q.setString(1, FILED);
            q.setObject(2, java.sql.Timestamp.from(from));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String send(HttpClient http, String url, String token, String contentType, String body,
            int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
