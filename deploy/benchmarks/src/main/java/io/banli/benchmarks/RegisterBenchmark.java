package io.banli.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * The office registering submissions ({@code POST /submissions}: filed and registered in one step, numbered per
 * session, similar items in the answer; then without them, {@code ?similar=0}) and members reading one of their items
 * ({@code GET /submissions/{id}}, authorization included, once the registrations' events are relayed and consumed)
 * against the packaged intake-service: throughput at 8 and 32 connections, p99 at a fixed rate; the registrations and
 * the reads at 8 and 32 connections once more from wrk when it is on the PATH (the best of both is the ratio's, as
 * this JVM's client takes part of the two cores). pgbench runs on the same PostgreSQL in the same run (a single-row
 * insert and its select-only transaction) as the yardstick; afterwards every session's numbers are checked to be
 * 1..n, none twice, none missing. Last, from wrk at 32 connections, the floor of the stack on this machine: the
 * liveness check with a member's token, a session read (one row) and a session opened (the office's smallest write).
 * Run: {@code ./mvnw -q -pl intake-service,deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl
 * deploy/benchmarks exec:java -Dexec.mainClass=io.banli.benchmarks.RegisterBenchmark}. {@code -Dseconds=} sets each
 * step's length (10); {@code -Djfr=<file>} records the service with Flight Recorder; {@code -Dhistory=} the number of
 * earlier years' items in the table (20,000).
 */
public final class RegisterBenchmark {

    /** Both sessions of a year's meetings take filings at once; {@code -Dsessions=1} puts all load on one counter. */
    static final int SESSIONS = Integer.getInteger("sessions", 2);
    static final int MEMBERS = 40;
    static final int REGISTER_RATE = 500;
    static final int READ_RATE = 1000;
    static final int HISTORY = 20_000;

    private RegisterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path logs = repo.resolve("deploy/benchmarks/target/logs");
        Duration step = Duration.ofSeconds(Integer.getInteger("seconds", 10));
        Map<String, String> env = recorderEnvironment();
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess intake = ServiceProcess.start(repo, "intake-service", PlatformProcess.freePort(),
                        platform, env, logs)) {
            intake.awaitReady();
            String office = DevTokens.sign("office-bench", "office", Map.of());
            HttpClient http = HttpClient.newHttpClient();
            long[] sessions = new long[SESSIONS];
            for (int i = 0; i < SESSIONS; i++) {
                sessions[i] = Http.id(Http.post(http, intake.url() + "/api/v1/sessions", office, """
                        {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "基准会议%d", "year": 2025}""".formatted(i)));
            }
            long[] members = new long[MEMBERS];
            for (int i = 0; i < MEMBERS; i++) {
                members[i] = Http.id(Http.post(http, intake.url() + "/api/v1/members", office, """
                        {"kind": "DEPUTY", "name": "基准代表%d", "delegation": "基准代表团"}""".formatted(i)));
            }
            fillHistory(http, intake, office, platform, members);
            keepCommonWordTotals(platform, sessions, Integer.getInteger("keptWords", 100));
            URI submissions = URI.create(intake.url() + "/api/v1/submissions");
            URI withoutSearch = URI.create(submissions + "?similar=0");
            java.util.function.IntFunction<HttpRequest> register = n -> registration(submissions, office, sessions,
                    members, n);
            java.util.function.IntFunction<HttpRequest> keyed = n -> registration(withoutSearch, office, sessions,
                    members, n);
            LoadGenerator created = new LoadGenerator(201);
            List<String> lines = new ArrayList<>();
            created.closed(8, step, n -> register.apply(1_000_000 + n)); // warm-up: JIT, pools; not counted
            StatementStatistics.reset(platform, "intake");
            int[] offset = {2_000_000};
            LoadGenerator.Result r8 = created.closed(8, step, n -> register.apply(offset[0] + n));
            offset[0] = 3_000_000;
            LoadGenerator.Result r32 = created.closed(32, step, n -> register.apply(offset[0] + n));
            offset[0] = 4_000_000;
            LoadGenerator.Result rRate = created.open(REGISTER_RATE, step, n -> register.apply(offset[0] + n));
            // The same registrations from wrk, as the reads below: this JVM's client takes part of a core.
            LoadGenerator.Result wr8 = Wrk.closed(intake.url(), registrations("", office, sessions, members,
                    7_000_000), 8, step);
            LoadGenerator.Result wr32 = Wrk.closed(intake.url(), registrations("", office, sessions, members,
                    7_500_000), 32, step);
            lines.add(r8.line("register, 8 connections"));
            lines.add(r32.line("register, 32 connections"));
            lines.add(rRate.line("register at " + REGISTER_RATE + "/s"));
            if (wr8 != null) {
                lines.add(wr8.line("register, 8 connections, from wrk"));
                lines.add(wr32.line("register, 32 connections, from wrk"));
            }
            lines.forEach(System.out::println);
            StatementStatistics.print(platform, "intake", 15);
            // The office keying paper items without the search (?similar=0): the registration's own ceiling.
            StatementStatistics.reset(platform, "intake");
            offset[0] = 5_000_000;
            LoadGenerator.Result q8 = created.closed(8, step, n -> keyed.apply(offset[0] + n));
            offset[0] = 6_000_000;
            LoadGenerator.Result q32 = created.closed(32, step, n -> keyed.apply(offset[0] + n));
            LoadGenerator.Result wq8 = Wrk.closed(intake.url(), registrations("?similar=0", office, sessions, members,
                    8_000_000), 8, step);
            LoadGenerator.Result wq32 = Wrk.closed(intake.url(), registrations("?similar=0", office, sessions,
                    members, 8_500_000), 32, step);
            lines.clear();
            lines.add(q8.line("register without the search (similar=0), 8 connections"));
            lines.add(q32.line("register without the search (similar=0), 32 connections"));
            if (wq8 != null) {
                lines.add(wq8.line("register without the search (similar=0), 8 connections, from wrk"));
                lines.add(wq32.line("register without the search (similar=0), 32 connections, from wrk"));
            } else {
                lines.add("wrk not on the PATH: registrations from this JVM's client only");
            }
            lines.add(checkNumbers(platform));
            lines.add(checkWordTotals(platform));
            lines.forEach(System.out::println);
            StatementStatistics.print(platform, "intake", 8);
            lines.clear();

            // The reads alone: the registrations' events relayed and consumed first (intake's webhook fan-out), or
            // their tail falls into the reads and its collections into the reads' p99.
            long caughtUp = System.nanoTime();
            try (Connection db = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "")) {
                Waits.untilNone(db, "select count(*) from outbox_event where published_at is null");
            }
            ConsumerGroups.awaitCaughtUp(platform.kafkaBootstrapServers(), "intake-service",
                    Set.of("banli.intake.submissions"), 0);
            System.out.printf("registrations' events relayed and consumed %.1f s after the last registration%n",
                    (System.nanoTime() - caughtUp) / 1e9);
            Map<Long, String> tokens = new HashMap<>();
            for (long m : members) {
                tokens.put(m, DevTokens.sign("member-" + m, "member", Map.of("member_id", String.valueOf(m))));
            }
            List<long[]> items = items(platform); // id, lead proposer
            Random random = new Random(7);
            long[][] picks = new long[1 << 16][];
            for (int i = 0; i < picks.length; i++) {
                picks[i] = items.get(random.nextInt(items.size()));
            }
            java.util.function.IntFunction<HttpRequest> read = n -> {
                long[] item = picks[n & (picks.length - 1)];
                return HttpRequest.newBuilder(URI.create(intake.url() + "/api/v1/submissions/" + item[0]))
                        .header("Authorization", "Bearer " + tokens.get(item[1])).GET().build();
            };
            LoadGenerator reads = new LoadGenerator(200);
            reads.closed(8, step, read); // warm-up
            StatementStatistics.reset(platform, "intake");
            LoadGenerator.Result g8 = reads.closed(8, step, read);
            LoadGenerator.Result g32 = reads.closed(32, step, read);
            LoadGenerator.Result gRate = reads.open(READ_RATE, step, read);
            // The same reads from wrk, which leaves the service more of the two cores than this JVM's client.
            List<Wrk.Call> gets = IntStream.range(0, 4_096).mapToObj(n -> Wrk.Call.get(
                    "/api/v1/submissions/" + picks[n][0], tokens.get(picks[n][1]))).toList();
            LoadGenerator.Result w8 = Wrk.closed(intake.url(), gets, 8, step);
            LoadGenerator.Result w32 = Wrk.closed(intake.url(), gets, 32, step);
            lines.add(g8.line("read one, 8 connections"));
            lines.add(g32.line("read one, 32 connections"));
            lines.add(gRate.line("read one at " + READ_RATE + "/s"));
            if (w8 != null) {
                lines.add(w8.line("read one, 8 connections, from wrk"));
                lines.add(w32.line("read one, 32 connections, from wrk"));
            } else {
                lines.add("wrk not on the PATH: reads from this JVM's client only");
            }
            lines.forEach(System.out::println);
            StatementStatistics.print(platform, "intake", 10);
            // What the stack reaches here for the least a call can do, from wrk, last (the sessions it opens
            // change nothing measured before): issue 15's ratios are read against these.
            String member = tokens.get(members[0]);
            LoadGenerator.Result live = Wrk.closed(intake.url(), List.of(Wrk.Call.get("/q/health/live", member)),
                    32, step);
            LoadGenerator.Result session = Wrk.closed(intake.url(),
                    List.of(Wrk.Call.get("/api/v1/sessions/" + sessions[0], member)), 32, step);
            LoadGenerator.Result opened = Wrk.closed(intake.url(), openings(office, (int) step.toSeconds() * 3_000),
                    32, step);
            if (live != null) {
                System.out.println(live.line("floor: liveness with a member's token (no statement), 32 connections"));
                System.out.println(session.line("floor: a session read (one row), 32 connections"));
                System.out.println(opened.line("floor: a session opened (duplicate check, insert, audit entry), "
                        + "32 connections"));
            }

            int seconds = (int) step.toSeconds();
            Double insert = Pgbench.singleRowInsertTps(platform.postgresPort(), 8, seconds);
            Double select = Pgbench.selectOnlyTps(platform.postgresPort(), 8, seconds);
            if (insert != null && select != null) {
                double bestRegister = best(r8, r32, wr8, wr32);
                double bestWithout = best(q8, q32, wq8, wq32);
                double bestRead = best(g8, g32, w8, w32);
                System.out.printf("pgbench single-row insert, 8 clients: %,.0f tps; register/insert = %.3f, "
                        + "without the search %.3f (target 0.07)%n", insert, bestRegister / insert,
                        bestWithout / insert);
                System.out.printf("pgbench select-only, 8 clients: %,.0f tps; read one/select = %.3f (target 0.25)%n",
                        select, bestRead / select);
                if (live != null) {
                    System.out.printf("floor/yardstick: liveness %.3f and a session read %.3f of select-only, a session "
                            + "opened %.3f of insert%n", live.perSecond() / select, session.perSecond() / select,
                            opened.perSecond() / insert);
                }
            } else {
                System.out.println("pgbench not on the PATH: no yardstick");
            }
            printMachine();
        }
    }

    /** The highest rate of these steps (those from wrk null without it). */
    private static double best(LoadGenerator.Result... steps) {
        return Stream.of(steps).filter(Objects::nonNull).mapToDouble(LoadGenerator.Result::perSecond).max()
                .orElseThrow();
    }

    /** The machine the run was on, and how busy it was before. */
    static void printMachine() {
        System.out.printf("%nmachine: %d cores, %s %s, Java %s, load average before the run %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), LOAD_BEFORE);
    }

    static final String LOAD_BEFORE = loadAverage();

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** With {@code -Djfr=<file>}: the environment that makes the service record itself with Flight Recorder. */
    static Map<String, String> recorderEnvironment() {
        Map<String, String> env = new HashMap<>();
        String jfr = System.getProperty("jfr");
        if (jfr != null) {
            env.put("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        return env;
    }

    /** The n-th filing, registered in one step at {@code uri}. */
    private static HttpRequest registration(URI uri, String office, long[] sessions, long[] members, int n) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + office)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Filings.filing(n, sessions[n % SESSIONS],
                        members[n % MEMBERS]))).build();
    }

    /**
     * 20,000 filings from the n-th on for wrk, registered in one step at {@code /api/v1/submissions<query>}: more than
     * a step of 10 s registers, so that no text is filed twice and the search meets no copy of its own.
     */
    private static List<Wrk.Call> registrations(String query, String office, long[] sessions, long[] members,
            int from) {
        return IntStream.range(from, from + 20_000).mapToObj(n -> new Wrk.Call("POST", "/api/v1/submissions" + query,
                office, Filings.filing(n, sessions[n % SESSIONS], members[n % MEMBERS]))).toList();
    }

    /**
     * {@code count} sessions to open, each named once, in a year apart from the benchmark's (its numbers' check
     * reads 2025): the office's smallest write, for the floor.
     */
    private static List<Wrk.Call> openings(String office, int count) {
        return IntStream.range(0, count).mapToObj(n -> new Wrk.Call("POST", "/api/v1/sessions", office, """
                {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "开启%d", "year": 2023}""".formatted(n)))
                .toList();
    }

    /**
     * The items of earlier years the similar-items search compares every registration with ({@code -Dhistory=},
     * 20,000: two years of a province's sessions), written straight into intake's table as registered, with the
     * statistics ANALYZE keeps of a table that has held them for a while. A year's last filing day never starts from
     * an empty table.
     */
    private static void fillHistory(HttpClient http, ServiceProcess intake, String office, PlatformProcess platform,
            long[] members) throws Exception {
        int history = Integer.getInteger("history", HISTORY);
        long session = Http.id(Http.post(http, intake.url() + "/api/v1/sessions", office, """
                {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "往年会议", "year": 2024}"""));
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                PreparedStatement insert = c.prepareStatement("""
                        insert into submission (session_id, number, kind, title, body, field, lead_proposer_id, state,
                            filed_at, registered_at)
                        values (?, ?, 'SUGGESTION', ?, ?, 'SOCIAL_LIVELIHOOD', ?, 'REGISTERED', now(), now())""");
                Statement analyze = c.createStatement()) {
            c.setAutoCommit(false);
            for (int n = 0; n < history; n++) {
                insert.setLong(1, session);
                insert.setInt(2, n + 1);
                insert.setString(3, Filings.title(n));
                insert.setString(4, Filings.body(n));
                insert.setLong(5, members[n % members.length]);
                insert.addBatch();
                if (n % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
            c.setAutoCommit(true);
            analyze.execute("analyze submission, submission_similarity");
        }
    }

    /** Every session's numbers of the benchmark's year must be exactly 1..n: none twice, none skipped. */
    private static String checkNumbers(PlatformProcess platform) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select session_id, count(*), count(distinct number), min(number), max(number)
                        from submission where number is not null
                            and session_id in (select id from session where year = 2025) -- not the history
                        group by session_id order by session_id""")) {
            StringBuilder out = new StringBuilder("numbers per session:");
            long total = 0;
            while (rs.next()) {
                long count = rs.getLong(2);
                total += count;
                if (count != rs.getLong(3) || rs.getLong(4) != 1 || rs.getLong(5) != count) {
                    throw new IllegalStateException("Session " + rs.getLong(1) + ": " + count + " items, "
                            + rs.getLong(3) + " distinct numbers from " + rs.getLong(4) + " to " + rs.getLong(5));
                }
                out.append(" ").append(count);
            }
            return out.append(" (").append(total).append(" registered), each exactly 1..n").toString();
        }
    }

    /**
     * The totals of the vocabulary's most common words kept in every session (V23), as for an office that has
     * listed them: each registration then also writes a change for each of them that its text holds.
     */
    private static void keepCommonWordTotals(PlatformProcess platform, long[] sessions, int words)
            throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                PreparedStatement keep = c.prepareStatement("select intake_keep_word_total(?, ?)")) {
            for (long session : sessions) {
                for (String word : Filings.commonest(words)) {
                    keep.setLong(1, session);
                    keep.setString(2, word);
                    keep.execute();
                }
            }
        }
    }

    /** Each kept word total, with its changes, against a count of the items holding the word's pair. */
    private static String checkWordTotals(PlatformProcess platform) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select count(*), count(*) filter (where t.items + coalesce((select sum(c.delta)
                                from submission_word_changes c where c.key = t.key), 0)
                            <> (select count(*) from submission_words w where w.keys @> array[t.key])),
                            (select count(*) from submission_word_changes)
                        from submission_word_totals t""")) {
            rs.next();
            if (rs.getLong(2) != 0) {
                throw new IllegalStateException(rs.getLong(2) + " of " + rs.getLong(1) + " kept word totals are not"
                        + " the count of their items");
            }
            return "kept word totals: " + rs.getLong(1) + ", each the count of its items (" + rs.getLong(3)
                    + " changes not folded yet)";
        }
    }

    private static List<long[]> items(PlatformProcess platform) throws Exception {
        List<long[]> items = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select id, lead_proposer_id from submission")) {
            while (rs.next()) {
                items.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return items;
    }
}
