package io.banli.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * Lists with filters over a million items ({@code GET /submissions}, a page of 20 with its total, authorization
 * included) against the packaged intake-service: five sessions of 200,000 registered items written straight into
 * intake's table ({@code -Ditems=}, 1,000,000), then each list at 1 and at 8 connections for {@code -Dseconds=}
 * (10), p50 and p99: the office's list of a session in id order and by number, a session narrowed by state and
 * field newest first, the key items of every session, a member's own items (as lead proposer or co-signer), and a
 * word in the title or body of a session's items, a common one and a rare one. {@code
 * BANLI_PG_STATEMENT_STATISTICS=on} prints PostgreSQL's statements by total time. pgbench then runs a common word's
 * total alone at 8 clients, the floor under its list. Afterwards the totals of a session and of the key items are
 * checked against a count.
 * Run: {@code ./mvnw -q -pl intake-service,deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl
 * deploy/benchmarks exec:java -Dexec.mainClass=io.banli.benchmarks.ListBenchmark}.
 */
public final class ListBenchmark {

    static final int SESSIONS = 5;
    static final int MEMBERS = 2_000;

    private ListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path logs = repo.resolve("deploy/benchmarks/target/logs");
        Duration step = Duration.ofSeconds(Integer.getInteger("seconds", 10));
        int items = Integer.getInteger("items", 1_000_000);
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess intake = ServiceProcess.start(repo, "intake-service", PlatformProcess.freePort(),
                        platform, RegisterBenchmark.recorderEnvironment(), logs)) {
            intake.awaitReady();
            String office = DevTokens.sign("office-bench", "office", Map.of());
            HttpClient http = HttpClient.newHttpClient();
            long[] sessions = new long[SESSIONS];
            for (int i = 0; i < SESSIONS; i++) {
                sessions[i] = Http.id(Http.post(http, intake.url() + "/api/v1/sessions", office, """
                        {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "列表会议%d", "year": %d}"""
                        .formatted(i, 2021 + i)));
            }
            long member = Http.id(Http.post(http, intake.url() + "/api/v1/members", office, """
                    {"kind": "DEPUTY", "name": "列表代表", "delegation": "列表代表团"}"""));
            long filled = System.nanoTime();
            fill(platform, sessions, member, items);
            System.out.printf("%,d items in %d sessions written, analysed and vacuumed in %.1f s%n", items, SESSIONS,
                    (System.nanoTime() - filled) / 1e9);

            String memberToken = DevTokens.sign("member-" + member, "member", Map.of("member_id",
                    String.valueOf(member)));
            long session = sessions[SESSIONS - 1];
            Map<String, String> lists = new LinkedHashMap<>();
            lists.put("a session, in id order", "sessionId=" + session);
            lists.put("a session, by number descending", "sessionId=" + session + "&sort=-number");
            lists.put("a session, one state and field, newest first", "sessionId=" + session
                    + "&state=REGISTERED&field=SOCIAL_LIVELIHOOD&sort=-filedAt");
            lists.put("key items of every session", "keyItem=true");
            lists.put("a word in title or body, one session", "sessionId=" + session + "&q="
                    + URLEncoder.encode("渡口", StandardCharsets.UTF_8));
            lists.put("a word in title or body, every session", "q=" + URLEncoder.encode("渡口", StandardCharsets.UTF_8));
            lists.put("a rare word in title or body, one session", "sessionId=" + session + "&q="
                    + URLEncoder.encode("渡口渔港", StandardCharsets.UTF_8));
            lists.put("a member's own items (member token)", "");
            LoadGenerator generator = new LoadGenerator(200);
            Map<String, IntFunction<HttpRequest>> gets = new LinkedHashMap<>();
            lists.forEach((name, query) -> {
                String token = query.isEmpty() ? memberToken : office;
                URI uri = URI.create(intake.url() + "/api/v1/submissions?" + query);
                gets.put(name, n -> HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET()
                        .build());
            });
            // Every list once before any is measured: the first one would otherwise pay for cold caches and the JIT.
            for (var get : gets.values()) {
                generator.closed(2, Duration.ofSeconds(3), get);
            }
            // The common word's first lists counted it from the keys and asked for its total to be kept in every
            // session (V23): measured as the office meets it from then on.
            long asked = System.nanoTime();
            try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "")) {
                Waits.untilNone(c, "select count(*) from session e where not exists (select 1"
                        + " from submission_word_totals t where t.key = (intake_word_keys(e.id, '渡口', null))[1])");
            }
            System.out.printf("the common word's total kept (waited %.1f s after the warm-up)%n",
                    (System.nanoTime() - asked) / 1e9);
            StatementStatistics.reset(platform, "intake");
            for (var get : gets.entrySet()) {
                System.out.println(generator.closed(1, step, get.getValue()).line(get.getKey() + ", 1 connection"));
                System.out.println(generator.closed(8, step, get.getValue()).line(get.getKey() + ", 8 connections"));
            }
            StatementStatistics.print(platform, "intake", 12);
            commonWordInPostgresql(platform, session);
            checkTotals(http, intake, office, platform, session);
            RegisterBenchmark.printMachine();
        }
    }

    /**
     * The floor under a common word's list: the work of its total's statement alone, each way intake's statement
     * takes for one session (the word's kept total, or the session's keys holding its pair counted, each less the
     * session's drafts holding the word), from pgbench at 8 clients on intake's database with intake's connection
     * settings.
     */
    private static void commonWordInPostgresql(PlatformProcess platform, long session) throws Exception {
        String drafts = " - (select count(*) from submission s where s.session_id = " + session
                + " and s.state = 'DRAFT' and (s.title like '%渡口%' escape '!' or s.body like '%渡口%' escape '!'))";
        Map<String, String> totals = new LinkedHashMap<>();
        totals.put("kept", "select (select t.items + coalesce((select sum(c.delta) from submission_word_changes c"
                + " where c.key = t.key), 0) from submission_word_totals t"
                + " where t.key = (intake_word_keys(" + session + ", '渡口', null))[1])" + drafts);
        totals.put("counted from the keys", "select (select count(*) from submission_words w"
                + " where w.keys @> intake_word_keys(" + session + ", '渡口', null))" + drafts);
        for (var total : totals.entrySet()) {
            double[] latency = Pgbench.statementLatencies(platform.postgresPort(), "intake",
                    "-c random_page_cost=1.1", total.getValue(), 8, 10);
            if (latency != null) {
                System.out.printf("a common word's total alone in PostgreSQL, %s (pgbench, 8 clients): p50 %.1f ms,"
                        + " p99 %.1f ms%n", total.getKey(), latency[0], latency[1]);
            }
        }
    }

    /**
     * The office's totals (kept by the tally, and the common word's by V23) against a count of the items, for a
     * session, for the key items and for the word in the session and in all.
     */
    private static void checkTotals(HttpClient http, ServiceProcess intake, String office, PlatformProcess platform,
            long session) throws Exception {
        String word = URLEncoder.encode("渡口", StandardCharsets.UTF_8);
        Map<String, String> counts = Map.of("sessionId=" + session, "session_id = " + session, "keyItem=true",
                "key_item", "sessionId=" + session + "&q=" + word,
                "session_id = " + session + " and (title like '%渡口%' or body like '%渡口%')", "q=" + word,
                "(title like '%渡口%' or body like '%渡口%')");
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                Statement sql = c.createStatement()) {
            for (var list : counts.entrySet()) {
                String page = http.send(HttpRequest.newBuilder(URI.create(intake.url() + "/api/v1/submissions?"
                        + list.getKey())).header("Authorization", "Bearer " + office).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                long total = Long.parseLong(page.replaceAll("(?s).*\"total\"\\s*:\\s*(\\d+).*", "$1"));
                try (ResultSet rs = sql.executeQuery("select count(*) from submission where state <> 'DRAFT' and "
                        + list.getValue())) {
                    rs.next();
                    System.out.printf("total of %s: %,d, counted %,d%n", list.getKey(), total, rs.getLong(1));
                    if (total != rs.getLong(1)) {
                        throw new IllegalStateException("The list's total is not the count of its items");
                    }
                }
            }
        }
    }

    /**
     * The items, registered, in one statement per session: a tenth withdrawn since, a twentieth key items, fields in
     * turn, lead proposers among {@link #MEMBERS} members (the benchmark's member leads one item in 2,000 and
     * co-signs as many), titles and bodies from thirty words (渡口 in about one item in eight, 渡口渔港 in one of
     * 870). Written as the database's owner with triggers off: the similar-items codes, which lists do not read, are
     * left out; the words' keys are written as V22 writes them.
     */
    private static void fill(PlatformProcess platform, long[] sessions, long member, int items) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("intake"), "postgres", "");
                Statement sql = c.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("""
                    insert into member (kind, name, delegation)
                    select 'DEPUTY', '列表代表' || g, '列表代表团' from generate_series(1, %d) g""".formatted(MEMBERS));
            int perSession = items / sessions.length;
            try (PreparedStatement insert = c.prepareStatement("""
                    with words as (select array['住房', '教育', '交通', '医疗', '养老', '就业', '环境', '文化', '农业',
                            '社区', '停车', '电梯', '公交', '学校', '食品', '安全', '绿化', '供水', '燃气', '物业',
                            '渡口', '渔港', '夜市', '菜场', '图书馆', '体育', '托育', '消防', '河道', '道路'] as w),
                    leads as (select array_agg(id order by id) as ids from member where name like '列表代表%%')
                    insert into submission (session_id, number, kind, title, body, field, lead_proposer_id, state,
                        key_item, leading_official, confidential, filed_at, registered_at, registered_by, created_at,
                        filed_by)
                    select ?, g, 'SUGGESTION',
                        '关于' || w[1 + g %% 29] || w[1 + (g / 29) %% 30] || '的建议',
                        '建议加强' || w[1 + (g / 7) %% 29] || '和' || w[1 + (g / 11) %% 30] || '工作，完善'
                            || w[1 + (g / 13) %% 29] || '服务。',
                        (array['ECONOMY_SCIENCE', 'SOCIAL_LIVELIHOOD', 'URBAN_CONSTRUCTION_TRANSPORT'])[1 + g %% 3],
                        case when g %% 2000 = 0 then ? else leads.ids[1 + g %% %d] end,
                        case when g %% 10 = 0 then 'WITHDRAWN' else 'REGISTERED' end,
                        g %% 20 = 0, case when g %% 20 = 0 then '李副市长' end, false,
                        now() - make_interval(secs => ? - g), now() - make_interval(secs => ? - g), 'office-bench',
                        now() - make_interval(secs => ? - g), 'office-bench'
                    from generate_series(1, ?) g, words, leads""".formatted(MEMBERS))) {
                for (long session : sessions) {
                    insert.setLong(1, session);
                    insert.setLong(2, member);
                    insert.setInt(3, perSession);
                    insert.setInt(4, perSession);
                    insert.setInt(5, perSession);
                    insert.setInt(6, perSession);
                    insert.executeUpdate();
                }
            }
            sql.execute("""
                    insert into co_signer (submission_id, member_id, state, invited_at, signed_at)
                    select id, %d, 'SIGNED', filed_at, filed_at from submission
                    where id %% 2000 = 1000 and lead_proposer_id <> %d""".formatted(member, member));
            // Written with the triggers off (replica role): the office's list totals are tallied as V19 tallied the
            // items it found.
            sql.execute("""
                    insert into submission_tally (session_id, state, kind, field, key_item, delta, folded)
                    select session_id, state, kind, field, key_item, count(*), true from submission
                    group by session_id, state, kind, field, key_item""");
            // The words' keys as V22's trigger writes them for every item.
            sql.execute("insert into submission_words (submission_id, keys)"
                    + " select id, intake_word_keys(session_id, title, body) from submission");
            sql.execute("analyze submission, submission_words, co_signer, member, submission_tally");
            // Totals the tally does not keep (a member's own items) are counted from indexes alone where the
            // visibility map says a page's rows are visible to all, as autovacuum leaves a year's items. A vacuum
            // marks only rows older than every open snapshot, and autovacuum's own analyze of the fresh rows may
            // hold one: vacuum until the whole table is marked.
            for (int round = 1;; round++) {
                sql.execute("vacuum submission, co_signer");
                try (var pages = sql.executeQuery("select relallvisible, relpages from pg_class where relname = "
                        + "'submission'")) {
                    pages.next();
                    if (pages.getInt(1) >= pages.getInt(2) || round == 20) {
                        System.out.printf("submission: %,d of %,d pages all-visible after %d vacuums%n",
                                pages.getInt(1), pages.getInt(2), round);
                        break;
                    }
                }
            }
        }
    }
}
