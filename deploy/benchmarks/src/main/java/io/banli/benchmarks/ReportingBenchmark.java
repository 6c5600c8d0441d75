package io.banli.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * reporting-service over one million submissions, on the real platform: the projection is filled
 * with a million items (five sessions of 200,000; sole, joint and split handling; 90 % replied; 60 %
 * of replies rated) and the statistics' rollups from it, then the packaged service is asked, over HTTP, for the
 * statistics (all, one session, and filters by unit, role, kind, field, key flag and period), the ranking, the
 * annual report (Markdown, PDF and HTML with charts) and a session's item list as CSV. Each figure is the median of
 * five calls.
 * Run (the module's exec goal is bound to the sweep benchmark, so this one runs with plain java):
 * {@code ./mvnw -q -pl reporting-service,deploy/benchmarks -am package -DskipTests &&
 * ./mvnw -q -pl deploy/benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/cp.txt) io.banli.benchmarks.ReportingBenchmark .}
 */
public final class ReportingBenchmark {

    static final int SUBMISSIONS = 1_000_000;

    private ReportingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess reporting = ServiceProcess.start(repo, "reporting-service", PlatformProcess.freePort(),
                        platform, Map.of(), repo.resolve("deploy/benchmarks/target/logs")).awaitReady();
                Connection db = DriverManager.getConnection(platform.jdbcUrl("reporting"), "postgres", "")) {
            long t0 = System.nanoTime();
            fill(db);
            System.out.printf("Filled %,d submissions in %.1f s%n", SUBMISSIONS, (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String token = DevTokens.sign("benchmark", "office", Map.of());
            String base = reporting.url();
            measure(http, token, base + "/api/v1/statistics", "statistics, all 1,000,000");
            measure(http, token, base + "/api/v1/statistics?sessionId=1", "statistics, one session (200,000)");
            measure(http, token, base + "/api/v1/statistics?sessionId=1&unitId=7", "statistics, one session and unit");
            measure(http, token, base + "/api/v1/statistics?kind=PROPOSAL&field=OTHER&keyItem=false",
                    "statistics, kind, field and key flag");
            measure(http, token, base + "/api/v1/statistics?role=SPLIT", "statistics, one role, all sessions");
            measure(http, token, base + "/api/v1/statistics?unitId=7&role=LEAD&from=2025-01-01&to=2025-12-31",
                    "statistics, unit, role and period");
            measure(http, token, base + "/api/v1/rankings", "ranking of 200 units, all 1,000,000");
            measure(http, token, base + "/api/v1/rankings?sessionId=1", "ranking of 200 units, one session");
            measure(http, token, base + "/api/v1/reports/annual?sessionId=1", "annual report, Markdown with 3 charts");
            measure(http, token, base + "/api/v1/reports/annual?sessionId=1&format=PDF",
                    "annual report, PDF with 3 charts");
            measure(http, token, base + "/api/v1/reports/annual?year=2025&format=HTML",
                    "annual report, HTML, all 1,000,000");
            measure(http, token, base + "/api/v1/exports/items?sessionId=1", "item list CSV, one session");
            System.out.printf("%nmachine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    private static void measure(HttpClient http, String token, String url, String what) throws Exception {
        List<Double> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - t) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            bytes = response.body().length;
        }
        Collections.sort(times);
        System.out.printf("%-45s median %8.0f ms (min %.0f, max %.0f), %,d bytes%n", what, times.get(2), times.get(0),
                times.get(4), bytes);
    }

    /** A million items with their unit parts and ratings, written by PostgreSQL itself. */
    private static void fill(Connection db) throws Exception {
        exec(db, """
                insert into item (submission_id, session_id, session_name, session_kind, level, year, number, kind,
                                  title, field, proposer_name, delegation, key_item, leading_official, confidential,
                                  mode, registered_at)
                select g, 1 + g %% 5, '第' || (1 + g %% 5) || '次会议', 'PEOPLES_CONGRESS', 'CITY', 2025, g / 5,
                       case when g %% 2 = 0 then 'SUGGESTION' else 'PROPOSAL' end, '关于第' || g || '号事项的建议',
                       (array['ECONOMY_SCIENCE', 'SOCIAL_LIVELIHOOD', 'URBAN_CONSTRUCTION_TRANSPORT',
                              'AGRICULTURE_RURAL', 'POLITICS_LAW', 'OTHER'])[1 + g %% 6],
                       '代表' || g %% 5000, '代表团' || g %% 20, g %% 1000 = 0,
                       case when g %% 1000 = 0 then '张副市长' end, g %% 50 = 0,
                       case when g %% 20 = 0 then 'SPLIT' when g %% 4 = 0 then 'JOINT' else 'SOLE' end,
                       timestamptz '2025-01-20 10:00+08'
                from generate_series(1, %d) g""".formatted(SUBMISSIONS));
        exec(db, """
                insert into unit_part (submission_id, unit_id, unit_name, assignment_id, mode, role, assigned_at,
                                       first_replied_at, replied_at, result_class, reply_round, disclosure,
                                       returned_count, rehandling_count, contacted_before, met_face_to_face)
                select g, g %% 200, '单位' || g %% 200, g,
                       case when g %% 20 = 0 then 'SPLIT' when g %% 4 = 0 then 'JOINT' else 'SOLE' end,
                       case when g %% 20 = 0 then 'SPLIT' when g %% 4 = 0 then 'LEAD' else 'SOLE' end,
                       timestamptz '2025-02-10 10:00+08',
                       case when g %% 10 <> 0 then timestamptz '2025-02-10 10:00+08' + (g %% 120) * interval '1 day' end,
                       case when g %% 10 <> 0 then timestamptz '2025-02-10 10:00+08' + (g %% 120) * interval '1 day' end,
                       case when g %% 10 <> 0 then (array['A', 'B', 'C', 'D'])[1 + (g / 10) %% 4] end,
                       1, 'PUBLIC', case when g %% 50 = 0 then 1 else 0 end, case when g %% 40 = 0 then 1 else 0 end,
                       g %% 3 <> 0, g %% 5 = 0
                from generate_series(1, %d) g""".formatted(SUBMISSIONS));
        exec(db, """
                insert into unit_part (submission_id, unit_id, unit_name, assignment_id, mode, role, assigned_at)
                select g, (g + 7) %% 200, '单位' || (g + 7) %% 200, g + %d,
                       case when g %% 20 = 0 then 'SPLIT' else 'JOINT' end,
                       case when g %% 20 = 0 then 'SPLIT' else 'CO' end, timestamptz '2025-02-10 10:00+08'
                from generate_series(1, %d) g where g %% 4 = 0""".formatted(SUBMISSIONS, SUBMISSIONS));
        exec(db, """
                insert into evaluation (submission_id, unit_id, round, member_id, rating, evaluated_at)
                select submission_id, unit_id, 1, submission_id % 5000,
                       case when submission_id % 30 = 1 then 'UNSATISFIED'
                            when submission_id % 7 = 0 then 'BASICALLY_SATISFIED' else 'SATISFIED' end,
                       replied_at + interval '10 days'
                from unit_part where replied_at is not null and submission_id % 10 between 1 and 6""");
        // Rows written by SQL rather than by the consumer: the statistics' rollups are filled from them as the
        // migration that introduced them fills them from an existing projection.
        exec(db, "select stat_rollups_refill('')");
        for (String table : List.of("item", "unit_part", "evaluation", "stat_item", "stat_item_sum", "stat_part",
                "stat_part_sum")) {
            exec(db, "vacuum analyze " + table);
        }
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
