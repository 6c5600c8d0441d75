package io.banli.benchmarks;

import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * A soak: the four packaged services on the real platform (Kafka, PostgreSQL) under an open-loop load of
 * {@code -Drate=} (100) mixed requests a second for {@code -Dminutes=} (30), through their REST APIs with the callers'
 * own tokens, as the office, units and members use them in a session: the office registering filings; members
 * reading an item, their items with replies, their progress; the workflow of each registered item (the office
 * assigns it to one unit, the unit signs for it, drafts a reply, its head approves it, the unit submits it, the office
 * accepts and sends it, the member rates it); units' and the office's deadline lists, statistics, rankings and the
 * office's board. Requests leave at a fixed rate whatever the answers, each timed from when it was due, so a slow
 * answer cannot hide the requests queued behind it.
 * <p>
 * {@code -Dwarmup=} minutes (2) of the same load come first, printed but not counted (the services were just started).
 * Printed: the mix; one line a minute (requests, errors, p50/p99/max, each service's resident memory ({@code VmRSS},
 * sampled every 10 s), heap after GC (from each JVM's GC log) and CPU, the machine's CPU); per request kind and
 * overall: count, errors (every non-2xx), p50/p99/max and the rate answered; memory over the first and last five
 * minutes and its growth from minute 5 to the end. Then every workflow step's events are checked to have arrived:
 * reporting's statistics count the registrations, assignments, replies and ratings made, supervision holds deadlines
 * for every assigned item and a met reply deadline for every submitted reply; after an overload the counts are
 * polled until complete, stalled for a minute (lost) or still moving after ten minutes (late). MISSED is printed, and
 * the run fails, when p99 is over 100 ms, a request failed, a service's RSS grew more than 10 %, or an event is
 * missing.
 * Run: {@code ./mvnw -q -pl deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl deploy/benchmarks exec:java
 * -Dexec.mainClass=io.banli.benchmarks.SoakBenchmark -Dminutes=30}. {@code -DjfrService=assignment-service
 * -Djfr=<file>} records one service with Flight Recorder; {@code BANLI_PG_STATEMENT_STATISTICS=on} in the
 * environment prints each database's statements by total time.
 */
public final class SoakBenchmark {

    static final int MINUTES = Integer.getInteger("minutes", 30);
    /**
     * Minutes of the same load before the measured ones, printed but not counted: the services were just started,
     * and their first minute is the JIT's and the pools' (FootprintBenchmark measures start-up on its own).
     */
    static final int WARMUP = Integer.getInteger("warmup", 2);
    static final int RATE = Integer.getInteger("rate", 100);
    static final double P99_TARGET_MS = 100;
    static final double GROWTH_LIMIT = 0.10;
    /** A city congress has a few hundred deputies; each files a handful of items a session. */
    static final int MEMBERS = 600;
    static final int UNITS = 20;
    static final int SESSIONS = 2;
    static final int YEAR = 2025;
    static final long SAMPLE_MILLIS = 10_000;
    /**
     * The office assigns an item only once it was registered this long ago: assignment must have taken in intake's
     * registered event first (p99 42 ms at 100/s, EventLatencyBenchmark), as the office only sees it then.
     */
    static final long INGEST_NANOS = TimeUnit.SECONDS.toNanos(2);

    enum Group { FILING, READ, WORKFLOW, LIST }

    enum Kind {
        REGISTER(Group.FILING, "intake: the office registers a filing"),
        READ_ITEM(Group.READ, "intake: a member reads one of their items"),
        MY_ITEMS(Group.READ, "assignment: a member's items and replies"),
        PROGRESS(Group.READ, "reporting: a member's progress"),
        ASSIGN(Group.WORKFLOW, "assignment: the office assigns an item to a unit"),
        SIGN_FOR(Group.WORKFLOW, "assignment: the unit signs for it"),
        DRAFT(Group.WORKFLOW, "assignment: the unit drafts its reply"),
        APPROVE(Group.WORKFLOW, "assignment: the unit's head approves the reply"),
        SUBMIT(Group.WORKFLOW, "assignment: the unit submits the reply"),
        ACCEPT(Group.WORKFLOW, "assignment: the office accepts and sends the reply"),
        EVALUATE(Group.WORKFLOW, "assignment: the member rates the reply"),
        DEADLINES(Group.LIST, "supervision: a unit's open deadlines / one item's"),
        STATISTICS(Group.LIST, "reporting: statistics of a session / the year"),
        RANKING(Group.LIST, "reporting: ranking of the units"),
        BOARD(Group.LIST, "assignment: the office's board of a session");

        final Group group;
        final String what;

        Kind(Group group, String what) {
            this.group = group;
            this.what = what;
        }
    }

    /**
     * Slots of every hundred: 10 % filings, 50 % reads, 25 % workflow steps, 15 % lists and statistics. A workflow
     * slot takes the next step of an item in flight, else assigns the oldest unassigned item; with nothing to do (only
     * in the first seconds) it reads an item instead, and is counted as the read it became.
     */
    static final Map<Kind, Integer> MIX = mix();

    private static Map<Kind, Integer> mix() {
        Map<Kind, Integer> mix = new EnumMap<>(Kind.class);
        mix.put(Kind.REGISTER, 10);
        mix.put(Kind.READ_ITEM, 30);
        mix.put(Kind.MY_ITEMS, 10);
        mix.put(Kind.PROGRESS, 10);
        mix.put(Kind.ASSIGN, 25); // stands for every workflow step
        mix.put(Kind.DEADLINES, 6);
        mix.put(Kind.STATISTICS, 5);
        mix.put(Kind.RANKING, 2);
        mix.put(Kind.BOARD, 2);
        return mix;
    }

    /** A registered item going through its workflow, one step at a time. */
    static final class Item {
        final long id;
        final long member;
        final long session;
        final long registeredAt;
        volatile Kind next = Kind.ASSIGN;
        volatile long reply;

        Item(long id, long member, long session, long registeredAt) {
            this.id = id;
            this.member = member;
            this.session = session;
            this.registeredAt = registeredAt;
        }
    }

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        try (PlatformProcess platform = PlatformProcess.startEphemeral()) {
            try {
                soak(repo, platform, services);
            } finally {
                // before the platform (the try's resource) stops, so the services' logs do not end in a minute of
                // warnings about Kafka and PostgreSQL having gone
                services.values().forEach(ServiceProcess::close);
            }
        }
    }

    private static void soak(Path repo, PlatformProcess platform, Map<String, ServiceProcess> services)
            throws Exception {
        Path logs = repo.resolve("deploy/benchmarks/target/logs");
        Files.createDirectories(logs);
        String loadBefore = RegisterBenchmark.LOAD_BEFORE;
        Map<String, Path> gcLogs = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String name : ServiceProcess.NAMES) {
            // The services' own settings, plus a GC log: the heap after each collection, to tell a leak from
            // the heap merely filling up between collections.
            Path gcLog = logs.resolve(name + "-soak-gc.log");
            Files.deleteIfExists(gcLog);
            List<String> jvm = new ArrayList<>(ServiceProcess.JVM_OPTIONS);
            if (Boolean.getBoolean("serverCompiler")) { // -DserverCompiler=true: all four on C2, to compare
                jvm.add("-XX:TieredStopAtLevel=4");
            }
            jvm.add("-Xlog:gc:file=" + gcLog);
            if (name.equals(System.getProperty("jfrService"))) {
                // -DjfrService=<service> -Djfr=<file>: records that service with Flight Recorder, for profiling
                jvm.add("-XX:StartFlightRecording=filename=" + Path.of(System.getProperty("jfr")).toAbsolutePath()
                        + ",settings=profile,dumponexit=true");
            }
            options.put(name, jvm);
            gcLogs.put(name, gcLog);
            services.put(name, ServiceProcess.start(repo, name, PlatformProcess.freePort(), platform, Map.of(),
                    logs, jvm));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady();
        }
        Soak soak = new Soak(services, gcLogs);
        soak.setUp();
        for (String name : ServiceProcess.NAMES) {
            StatementStatistics.reset(platform, name.replace("-service", ""));
        }
        soak.run(loadBefore);
        for (String name : ServiceProcess.NAMES) {
            StatementStatistics.print(platform, name.replace("-service", ""), 8);
        }
        soak.checkEvents(platform);
        System.out.println();
        // relative to the repository, so the printout can be kept as a record without this machine's paths
        options.forEach((name, jvm) -> System.out.println("JVM options " + name + ": "
                + String.join(" ", jvm).replace(repo + "/", "")));
        System.out.printf("machine: %d cores, %s %s, Java %s, load average before the run %s, after %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), loadBefore,
                Files.readString(Path.of("/proc/loadavg")).trim());
        soak.verdict();
    }

    /** One soak: the data it made, every request's kind, status and latency, and the memory samples. */
    static final class Soak {

        private final Map<String, ServiceProcess> services;
        private final Map<String, Path> gcLogs;
        private final LoadGenerator generator = new LoadGenerator(200);
        private final HttpClient http;
        private final String intake;
        private final String assignment;
        private final String supervision;
        private final String reporting;
        private final String office = DevTokens.sign("office-soak", "office", Map.of());

        private final long[] sessions = new long[SESSIONS];
        private final long[] members = new long[MEMBERS];
        private final Map<Long, String> memberTokens = new HashMap<>();
        private final long[] units = new long[UNITS];
        private final String[] staffTokens = new String[UNITS];
        private final String[] headTokens = new String[UNITS];

        private final List<Item> items = Collections.synchronizedList(new ArrayList<>());
        private final ConcurrentLinkedQueue<Item> unassigned = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Item> inFlight = new ConcurrentLinkedQueue<>();
        private final AtomicInteger filings = new AtomicInteger();
        private final Map<Kind, AtomicInteger> done = new EnumMap<>(Kind.class);
        private final AtomicInteger idleWorkflowSlots = new AtomicInteger();
        private final Map<String, List<String>> firstErrors = new ConcurrentHashMap<>();

        private final int total = RATE * 60 * (WARMUP + MINUTES);
        /** Slots before this one are the warm-up's. */
        private final int measured = RATE * 60 * WARMUP;
        private final byte[] kinds = new byte[total];
        private final long[] latency = new long[total]; // ns from due to answer; 0 while unanswered
        private final int[] status = new int[total]; // HTTP status, -1 for no answer (timeout, refused)
        private final AtomicInteger answered = new AtomicInteger();
        private final Random random = new Random(15); // the scheduler's thread only

        private final Memory memory;
        private long start;

        Soak(Map<String, ServiceProcess> services, Map<String, Path> gcLogs) {
            this.services = services;
            this.gcLogs = gcLogs;
            this.http = generator.http();
            intake = services.get("intake-service").url() + "/api/v1";
            assignment = services.get("assignment-service").url() + "/api/v1";
            supervision = services.get("supervision-service").url() + "/api/v1";
            reporting = services.get("reporting-service").url() + "/api/v1";
            for (Kind kind : Kind.values()) {
                done.put(kind, new AtomicInteger());
            }
            memory = new Memory();
        }

        /** Sessions, members, units, and one filing per member so every member has an item to read from the start. */
        void setUp() throws Exception {
            for (int i = 0; i < SESSIONS; i++) {
                sessions[i] = Http.id(Http.post(http, intake + "/sessions", office, """
                        {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "持续负载会议%d", "year": %d}"""
                        .formatted(i, YEAR)));
            }
            for (int i = 0; i < MEMBERS; i++) {
                members[i] = Http.id(Http.post(http, intake + "/members", office, """
                        {"kind": "DEPUTY", "name": "持续代表%d", "delegation": "第%d代表团"}""".formatted(i, i % 12)));
                memberTokens.put(members[i], DevTokens.sign("member-" + members[i], "member",
                        Map.of("member_id", String.valueOf(members[i]))));
            }
            for (int i = 0; i < UNITS; i++) {
                units[i] = Http.id(Http.post(http, assignment + "/units", office, """
                        {"name": "持续单位%d", "kind": "BUREAU"}""".formatted(i)));
                String unit = String.valueOf(units[i]);
                staffTokens[i] = DevTokens.sign("staff-of-unit-" + unit, "unit-staff", Map.of("unit_id", unit));
                headTokens[i] = DevTokens.sign("head-of-unit-" + unit, "unit-head", Map.of("unit_id", unit));
            }
            long seeding = System.nanoTime();
            ExecutorService four = Executors.newFixedThreadPool(4);
            List<Future<Item>> seeded = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                int n = i;
                seeded.add(four.submit(() -> {
                    long session = sessions[n % SESSIONS];
                    long id = Http.id(Http.post(http, intake + "/submissions", office,
                            Filings.filing(n, session, members[n])));
                    return new Item(id, members[n], session, System.nanoTime());
                }));
            }
            for (Future<Item> item : seeded) {
                items.add(item.get());
                unassigned.add(item.get());
            }
            four.shutdown();
            filings.set(MEMBERS);
            // Every service has taken in the last filing before the clock starts.
            awaitOk(assignment + "/submissions/" + items.get(items.size() - 1).id, office);
            awaitRegistered(MEMBERS);
            System.out.printf("set up: %d sessions, %d members, %d units, %d items registered (%.1f s)%n", SESSIONS,
                    MEMBERS, UNITS, MEMBERS, (System.nanoTime() - seeding) / 1e9);
        }

        void run(String loadBefore) throws Exception {
            Kind[] pattern = new Kind[100];
            int k = 0;
            for (Map.Entry<Kind, Integer> e : MIX.entrySet()) {
                for (int i = 0; i < e.getValue(); i++) {
                    pattern[k++] = e.getKey().group == Group.WORKFLOW ? null : e.getKey();
                }
            }
            Collections.shuffle(Arrays.asList(pattern), new Random(15));
            System.out.printf("%nsoak: %d requests/s, open loop, for %d minutes (%,d requests) after %d minutes of "
                    + "warm-up; load average at the start %s%nmix of every 100: %d filings (%s), %d reads (%d %s, "
                    + "%d %s, %d %s), %d workflow steps "
                    + "(the next step of an item in flight, else an assignment: assign, sign for, draft, approve, "
                    + "submit, accept, rate), %d lists and statistics (%d %s, %d %s, %d %s, %d %s)%n%n",
                    RATE, MINUTES, total - measured, WARMUP, loadBefore,
                    MIX.get(Kind.REGISTER), Kind.REGISTER.what,
                    MIX.get(Kind.READ_ITEM) + MIX.get(Kind.MY_ITEMS) + MIX.get(Kind.PROGRESS),
                    MIX.get(Kind.READ_ITEM), Kind.READ_ITEM.what, MIX.get(Kind.MY_ITEMS), Kind.MY_ITEMS.what,
                    MIX.get(Kind.PROGRESS), Kind.PROGRESS.what, MIX.get(Kind.ASSIGN),
                    MIX.get(Kind.DEADLINES) + MIX.get(Kind.STATISTICS) + MIX.get(Kind.RANKING) + MIX.get(Kind.BOARD),
                    MIX.get(Kind.DEADLINES), Kind.DEADLINES.what, MIX.get(Kind.STATISTICS), Kind.STATISTICS.what,
                    MIX.get(Kind.RANKING), Kind.RANKING.what, MIX.get(Kind.BOARD), Kind.BOARD.what);
            System.out.println("minute  requests  errors   p50 ms   p99 ms   max ms  | each service: RSS MB (heap "
                    + "after GC MB) CPU % of a core; " + String.join(", ", ServiceProcess.NAMES) + " | machine busy "
                    + "(% of one core), load average (w: warm-up)");
            start = System.nanoTime();
            memory.start();
            generator.paced(RATE, Duration.ofMinutes(WARMUP + MINUTES), (n, due) -> fire(pattern[n % 100], n, due));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (answered.get() < total && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            memory.interrupt();
            memory.join();
            memory.printMinutes(WARMUP + MINUTES);
            summary();
        }

        /** Sends slot n's request; a workflow slot (null) takes the next step due. Runs on the scheduler's thread. */
        private void fire(Kind planned, int n, long due) {
            Kind kind = planned;
            Item item = null;
            if (kind == null) {
                item = inFlight.poll();
                if (item == null) {
                    Item oldest = unassigned.peek();
                    if (oldest != null && System.nanoTime() - oldest.registeredAt >= INGEST_NANOS) {
                        item = unassigned.poll(); // only this thread takes from the queue: the one just looked at
                    }
                }
                if (item == null) {
                    idleWorkflowSlots.incrementAndGet();
                    kind = Kind.READ_ITEM;
                } else {
                    kind = item.next;
                }
            }
            HttpRequest request;
            Consumer<String> then = body -> { };
            switch (kind) {
                case REGISTER -> {
                    int filing = filings.getAndIncrement();
                    long member = members[filing % MEMBERS];
                    long session = sessions[filing % SESSIONS];
                    request = post(intake + "/submissions", office, Filings.filing(filing, session, member));
                    then = body -> {
                        Item registered = new Item(Http.id(body), member, session, System.nanoTime());
                        items.add(registered);
                        unassigned.add(registered);
                    };
                }
                case READ_ITEM -> {
                    Item read = randomItem();
                    request = get(intake + "/submissions/" + read.id, memberTokens.get(read.member));
                }
                case MY_ITEMS -> request = get(assignment + "/my-items", memberTokens.get(randomMember()));
                case PROGRESS -> {
                    long member = randomMember();
                    request = get(reporting + "/members/" + member + "/progress", memberTokens.get(member));
                }
                case DEADLINES -> {
                    int unit = random.nextInt(UNITS);
                    request = n % 2 == 0
                            ? get(supervision + "/deadlines?state=OPEN&size=50&unitId=" + units[unit],
                                    staffTokens[unit])
                            : get(supervision + "/deadlines?submissionId=" + randomItem().id, office);
                }
                case STATISTICS -> request = get(reporting + "/statistics?"
                        + (n % 2 == 0 ? "sessionId=" + sessions[random.nextInt(SESSIONS)] : "year=" + YEAR), office);
                case RANKING -> request = get(reporting + "/rankings?year=" + YEAR, office);
                case BOARD -> request = get(assignment + "/board?size=50&sessionId="
                        + sessions[random.nextInt(SESSIONS)], office);
                default -> {
                    Item step = item;
                    int unit = (int) (step.id % UNITS);
                    String file = assignment + "/submissions/" + step.id;
                    switch (kind) {
                        case ASSIGN -> request = post(file + "/assignment", office, """
                                {"mode": "SOLE", "leadUnitId": %d, "coUnitIds": []}""".formatted(units[unit]));
                        case SIGN_FOR -> request = post(file + "/sign-for", staffTokens[unit], null);
                        // a third B (being solved step by step), which promise what and by when; the rest A
                        case DRAFT -> request = post(file + "/replies", staffTokens[unit], step.id % 3 == 0 ? """
                                {"text": "您提出的建议收悉，现答复如下：已列入明年工作计划，分步实施。", "resultClass": "B",
                                 "commitments": [{"action": "完成试点并推广", "promisedOn": "%d-06-30"}]}"""
                                .formatted(YEAR + 1) : """
                                {"text": "您提出的建议收悉，现答复如下：已办理完毕。", "resultClass": "A"}""");
                        case APPROVE -> request = post(file + "/replies/" + step.reply + "/approval", headTokens[unit],
                                null);
                        case SUBMIT -> request = post(file + "/replies/" + step.reply + "/submission",
                                staffTokens[unit], null);
                        case ACCEPT -> request = post(file + "/replies/" + step.reply + "/acceptance", office, "{}");
                        case EVALUATE -> request = post(file + "/replies/" + step.reply + "/evaluations",
                                memberTokens.get(step.member), """
                                {"rating": "%s"}""".formatted(step.id % 4 == 0 ? "BASICALLY_SATISFIED" : "SATISFIED"));
                        default -> throw new IllegalStateException(kind.name());
                    }
                    Kind current = kind;
                    then = body -> {
                        if (current == Kind.DRAFT) {
                            step.reply = Http.id(body);
                        }
                        if (current != Kind.EVALUATE) {
                            step.next = Kind.values()[current.ordinal() + 1];
                            inFlight.add(step);
                        }
                    };
                }
            }
            kinds[n] = (byte) kind.ordinal();
            Kind sent = kind;
            Consumer<String> onSuccess = then;
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long took = System.nanoTime() - due;
                int code = failure == null ? response.statusCode() : -1;
                if (code >= 200 && code < 300) {
                    done.get(sent).incrementAndGet();
                    try {
                        onSuccess.accept(response.body());
                    } catch (RuntimeException e) {
                        code = -2; // answered 2xx without what the next step needs
                        remember(sent, n, "unusable answer: " + e.getMessage());
                    }
                } else {
                    // A failed step leaves its item where it is: it is counted as an error and goes no further.
                    remember(sent, n, code + " " + (failure != null ? failure.toString() : response.body()));
                }
                status[n] = code;
                latency[n] = Math.max(1, took);
                answered.incrementAndGet();
            });
        }

        /** The first three errors of each kind, the warm-up's and the measured minutes' apart. */
        private void remember(Kind kind, int n, String error) {
            List<String> errors = firstErrors.computeIfAbsent((n < measured ? "warm-up " : "") + kind,
                    k -> Collections.synchronizedList(new ArrayList<>()));
            if (errors.size() < 3) {
                errors.add(error.length() > 300 ? error.substring(0, 300) : error);
            }
        }

        private Item randomItem() {
            synchronized (items) {
                return items.get(random.nextInt(items.size()));
            }
        }

        private long randomMember() {
            return members[random.nextInt(MEMBERS)];
        }

        private void summary() {
            double seconds = MINUTES * 60.0;
            System.out.printf("%n%-52s %8s %7s %8s %8s %9s %8s%n", "request kind", "count", "errors", "p50 ms",
                    "p99 ms", "max ms", "ok/s");
            for (Kind kind : Kind.values()) {
                Stats s = stats(i -> i >= measured && kinds[i] == kind.ordinal());
                if (s.count > 0) {
                    System.out.println(s.line(kind.what, seconds));
                }
            }
            Stats all = stats(i -> i >= measured);
            for (Group group : Group.values()) {
                System.out.println(stats(i -> i >= measured && Kind.values()[kinds[i]].group == group)
                        .line("all " + group.name().toLowerCase() + (group == Group.LIST ? "s" : ""), seconds));
            }
            System.out.println(all.line("ALL", seconds));
            if (WARMUP > 0) {
                System.out.println(stats(i -> i < measured).line("warm-up (not counted above)", WARMUP * 60.0));
            }
            System.out.printf("workflow slots with no step due (sent as reads instead): %d; items assigned %d, "
                    + "replies sent %d, rated %d; still in flight %d, unassigned %d%n", idleWorkflowSlots.get(),
                    done.get(Kind.ASSIGN).get(), done.get(Kind.ACCEPT).get(), done.get(Kind.EVALUATE).get(),
                    inFlight.size(), unassigned.size());
            firstErrors.forEach((kind, errors) -> errors.forEach(
                    e -> System.out.println("  " + kind + " error: " + e)));
            p99 = all.p99;
            errors = all.errors;
            memory.summary();
        }

        private double p99;
        private int errors;
        private final List<String> missed = new ArrayList<>();

        private Stats stats(java.util.function.IntPredicate which) {
            long[] ok = new long[total];
            int count = 0;
            int k = 0;
            Map<Integer, Integer> failed = new TreeMap<>();
            for (int i = 0; i < total; i++) {
                if (!which.test(i)) {
                    continue;
                }
                count++;
                if (latency[i] == 0) {
                    failed.merge(0, 1, Integer::sum); // never answered
                } else if (status[i] >= 200 && status[i] < 300) {
                    ok[k++] = latency[i];
                } else {
                    failed.merge(status[i], 1, Integer::sum);
                }
            }
            long[] sorted = Arrays.copyOf(ok, k);
            Arrays.sort(sorted);
            return new Stats(count, k, failed, sorted);
        }

        record Stats(int count, int ok, Map<Integer, Integer> failed, long[] sorted, int errors, double p99) {

            Stats(int count, int ok, Map<Integer, Integer> failed, long[] sorted) {
                this(count, ok, failed, sorted, count - ok, ms(sorted, 0.99));
            }

            String line(String what, double seconds) {
                String why = failed.isEmpty() ? "" : " " + failed.entrySet().stream().map(e -> (e.getKey() == 0
                        ? "unanswered" : e.getKey() == -1 ? "no answer" : e.getKey() == -2 ? "unusable"
                        : String.valueOf(e.getKey())) + "×" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
                return "%-52s %,8d %7d %8.1f %8.1f %9.1f %8.1f%s".formatted(what, count, errors, ms(sorted, 0.50),
                        p99, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, ok / seconds, why);
            }
        }

        private static double ms(long[] sorted, double p) {
            return sorted.length == 0 ? 0
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        /**
         * Every workflow step's events arrived where they are consumed: reporting's statistics and supervision's
         * deadlines count what was made. After an overload the consumers may still be catching up: each count is
         * polled until it is complete, or has not moved for a minute (lost), or is still moving after ten minutes
         * (late).
         */
        void checkEvents(PlatformProcess platform) throws Exception {
            long registered = filings.get() - countErrors(Kind.REGISTER);
            long assigned = done.get(Kind.ASSIGN).get();
            long submitted = done.get(Kind.SUBMIT).get();
            long sent = done.get(Kind.ACCEPT).get();
            long rated = done.get(Kind.EVALUATE).get();
            System.out.println();
            drain("reporting's statistics (registered, assigned, replied, evaluated)",
                    new long[] {registered, assigned, sent, rated}, this::statistics);
            drain("supervision's deadlines (items with deadlines, reply deadlines met)",
                    new long[] {assigned, submitted}, () -> {
                        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("supervision"), "postgres",
                                "");
                                Statement st = c.createStatement();
                                ResultSet rs = st.executeQuery("""
                                        select count(distinct submission_id),
                                               count(*) filter (where stage = 'REPLY' and state = 'MET')
                                        from deadline""")) {
                            rs.next();
                            return new long[] {rs.getLong(1), rs.getLong(2)};
                        }
                    });
        }

        /**
         * A request that timed out may still have done its work, so a count above what was made (answered 2xx) is
         * complete too; both are printed.
         */
        private void drain(String what, long[] made, Callable<long[]> counts) throws Exception {
            long began = System.nanoTime();
            long moved = began;
            long printedAt = began;
            long[] seen = counts.call();
            while (!atLeast(seen, made)) {
                long now = System.nanoTime();
                if (now - moved > TimeUnit.SECONDS.toNanos(60) || now - began > TimeUnit.MINUTES.toNanos(10)) {
                    break;
                }
                if (now - printedAt > TimeUnit.SECONDS.toNanos(30)) {
                    System.out.printf("events: %s after %.0f s: %s of %s%n", what, (now - began) / 1e9,
                            Arrays.toString(seen), Arrays.toString(made));
                    printedAt = now;
                }
                Thread.sleep(2000);
                long[] next = counts.call();
                if (!Arrays.equals(next, seen)) {
                    moved = System.nanoTime();
                }
                seen = next;
            }
            double waited = (System.nanoTime() - began) / 1e9;
            if (atLeast(seen, made)) {
                System.out.printf("events: %s complete after waiting %.0f s: %s of %s made%n", what, waited,
                        Arrays.toString(seen), Arrays.toString(made));
                return;
            }
            boolean stalled = System.nanoTime() - moved > TimeUnit.SECONDS.toNanos(60);
            String verdict = "%s %s of %s made, %s".formatted(what, Arrays.toString(seen), Arrays.toString(made),
                    stalled ? "no progress for a minute: lost" : "still arriving 10 minutes after the load: late");
            System.out.println("events: MISSED: " + verdict);
            missed.add(verdict);
        }

        private static boolean atLeast(long[] seen, long[] made) {
            for (int i = 0; i < made.length; i++) {
                if (seen[i] < made[i]) {
                    return false;
                }
            }
            return true;
        }

        private int countErrors(Kind kind) {
            int n = 0;
            for (int i = 0; i < total; i++) {
                if (kinds[i] == kind.ordinal() && latency[i] != 0 && status[i] != 201 && status[i] != -2) {
                    n++;
                }
            }
            return n;
        }

        void verdict() {
            System.out.println();
            if (p99 > P99_TARGET_MS) {
                missed.add("p99 %.1f ms over %.0f ms".formatted(p99, P99_TARGET_MS));
            }
            if (errors > 0) {
                missed.add(errors + " requests failed");
            }
            missed.addAll(memory.grown);
            System.out.printf("target p99 <= %.0f ms at %d/s with flat memory (growth <= %.0f %% from minute 5): %s%n",
                    P99_TARGET_MS, RATE, GROWTH_LIMIT * 100, missed.isEmpty() ? "met" : "MISSED");
            if (!missed.isEmpty()) {
                missed.forEach(m -> System.out.println("MISSED: " + m));
                throw new IllegalStateException("Soak MISSED: " + String.join("; ", missed));
            }
        }

        private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
        private static final Pattern ASSIGNED = Pattern.compile("\"itemsAssigned\"\\s*:\\s*(\\d+)");
        private static final Pattern REPLIED = Pattern.compile("\"replied\"\\s*:\\s*(\\d+)");
        private static final Pattern EVALUATED = Pattern.compile("\"evaluated\"\\s*:\\s*(\\d+)");

        /** Reporting's statistics of the year: items registered, assigned, replied, evaluated (-1s if no answer). */
        private long[] statistics() throws Exception {
            HttpResponse<String> r = http.send(get(reporting + "/statistics?year=" + YEAR, office),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return new long[] {-1, -1, -1, -1};
            }
            return new long[] {number(TOTAL, r.body()), number(ASSIGNED, r.body()), number(REPLIED, r.body()),
                number(EVALUATED, r.body())};
        }

        /** Waits until reporting counted the set-up's items. */
        private void awaitRegistered(long total) throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (statistics()[0] != total) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("reporting did not count the set-up's " + total + " items");
                }
                Thread.sleep(500);
            }
        }

        private static long number(Pattern p, String json) {
            Matcher m = p.matcher(json);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        private void awaitOk(String url, String token) throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until) {
                if (http.send(get(url, token), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(url + " did not answer 200 within 60 s");
        }

        private static HttpRequest get(String url, String token) {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build();
        }

        private static HttpRequest post(String url, String token, String json) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token);
            return (json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)))
                    .build();
        }

        /**
         * Every service's VmRSS and the heap after each of its collections (read from its GC log), every 10 s; a line
         * a minute, printed once the minute's requests had 10 s to answer.
         */
        final class Memory extends Thread {

            /** Clock ticks a second (USER_HZ): 100 on Linux. */
            private static final double TICKS = 100;
            private static final int END = WARMUP + MINUTES;
            private static final Pattern PAUSE = Pattern.compile("Pause (Young|Full).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

            /** Per service: per minute, the RSS samples and the heap-after-GC values seen in it. */
            private final Map<String, Map<Integer, List<Long>>> rss = new LinkedHashMap<>();
            private final Map<String, Map<Integer, List<Long>>> heap = new LinkedHashMap<>();
            private final Map<String, Long> offsets = new HashMap<>();
            private final Map<Integer, String> loads = new HashMap<>();
            private int printed;
            /** Per service: per minute, its share of one core (%) between samples; the machine's, of all cores. */
            private final Map<String, Map<Integer, List<Long>>> cpu = new LinkedHashMap<>();
            private final Map<Integer, List<Long>> machineBusy = new TreeMap<>();
            private final Map<String, Long> lastTicks = new HashMap<>();
            private long[] lastMachine = machineTicks();
            private long lastSample = System.nanoTime();
            final List<String> grown = new ArrayList<>();

            Memory() {
                super("soak-memory");
                setDaemon(true);
                for (String name : services.keySet()) {
                    rss.put(name, new TreeMap<>());
                    heap.put(name, new TreeMap<>());
                    cpu.put(name, new TreeMap<>());
                    offsets.put(name, 0L);
                }
            }

            @Override
            public void run() {
                long next = start + TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS);
                lastSample = System.nanoTime();
                lastMachine = machineTicks();
                services.forEach((name, service) -> lastTicks.put(name, cpuTicks(service.pid())));
                while (!isInterrupted()) {
                    try {
                        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
                    } catch (InterruptedException e) {
                        return;
                    }
                    next += TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS);
                    double elapsed = (System.nanoTime() - start) / 60e9;
                    // the sample at the end of a minute belongs to it
                    int minute = Math.min(END - 1, (int) Math.ceil(elapsed) - 1);
                    if (elapsed <= END + 0.05) { // not the drain after the load: it is no minute of the soak
                        sample(minute);
                    }
                    printMinutes(Math.min(END, (int) Math.floor(elapsed - 10 / 60.0)));
                }
            }

            private synchronized void sample(int minute) {
                long now = System.nanoTime();
                double coreTicks = (now - lastSample) / 1e9 * TICKS; // one core's ticks since the last sample
                lastSample = now;
                services.forEach((name, service) -> {
                    rss.get(name).computeIfAbsent(minute, m -> new ArrayList<>()).add(FootprintBenchmark.rssMb(service.pid()));
                    readGcLog(name, minute);
                    long ticks = cpuTicks(service.pid());
                    cpu.get(name).computeIfAbsent(minute, m -> new ArrayList<>())
                            .add(Math.round(100 * (ticks - lastTicks.put(name, ticks)) / coreTicks));
                });
                long[] machine = machineTicks();
                long busy = machine[0] - lastMachine[0];
                long all = machine[1] - lastMachine[1];
                lastMachine = machine;
                machineBusy.computeIfAbsent(minute, m -> new ArrayList<>())
                        .add(all == 0 ? 0
                                : Math.round(100.0 * busy / all * Runtime.getRuntime().availableProcessors()));
                try {
                    loads.put(minute, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                } catch (Exception e) {
                    loads.put(minute, "?");
                }
            }

            private void readGcLog(String name, int minute) {
                try (RandomAccessFile log = new RandomAccessFile(gcLogs.get(name).toFile(), "r")) {
                    long from = offsets.get(name);
                    if (log.length() <= from) {
                        return;
                    }
                    byte[] bytes = new byte[(int) (log.length() - from)];
                    log.seek(from);
                    log.readFully(bytes);
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    int complete = text.lastIndexOf('\n') + 1; // a line still being written waits for the next time
                    offsets.put(name, from + text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length);
                    Matcher m = PAUSE.matcher(text.substring(0, complete));
                    while (m.find()) {
                        heap.get(name).computeIfAbsent(minute, k -> new ArrayList<>()).add(Long.parseLong(m.group(3)));
                    }
                } catch (Exception e) {
                    // no log yet
                }
            }

            /** Prints the lines of the minutes before {@code upTo} not printed yet. */
            synchronized void printMinutes(int upTo) {
                for (; printed < upTo; printed++) {
                    int m = printed;
                    long from = (long) m * 60 * RATE;
                    long to = Math.min(total, from + 60L * RATE);
                    Stats s = stats(i -> i >= from && i < to);
                    String label = m < WARMUP ? "w" + (m + 1) : String.valueOf(m - WARMUP + 1);
                    StringBuilder line = new StringBuilder("%6s %9d %7d %8.1f %8.1f %8.1f  |".formatted(label, s.count,
                            s.errors, ms(s.sorted, 0.5), s.p99, s.sorted.length == 0 ? 0
                                    : s.sorted[s.sorted.length - 1] / 1e6));
                    for (String name : services.keySet()) {
                        line.append(" %4.0f (%3.0f) %3.0f%%".formatted(average(rss.get(name), m, m + 1),
                                average(heap.get(name), m, m + 1), average(cpu.get(name), m, m + 1)));
                    }
                    System.out.println(line.append(" | %3.0f%% %5s".formatted(average(machineBusy, m, m + 1),
                            loads.getOrDefault(m, "?"))));
                }
            }

            void summary() {
                int window = Math.min(5, Math.max(1, MINUTES / 2));
                int base = Math.min(5, MINUTES / 2); // minute 5 (the sixth): past start-up and the JIT's warm-up
                System.out.printf("%nmemory: average of the first %d and the last %d minutes, growth from minute %d "
                        + "(its average) to the last %d minutes' (limit %.0f %%)%n", window, window, base + 1, window,
                        GROWTH_LIMIT * 100);
                System.out.printf("%-20s %10s %10s %8s %10s | %14s %14s%n", "service", "RSS first", "RSS last",
                        "growth", "RSS peak", "heap first", "heap last");
                for (String name : services.keySet()) {
                    double first = average(rss.get(name), WARMUP, WARMUP + window);
                    double last = average(rss.get(name), END - window, END);
                    double atBase = average(rss.get(name), WARMUP + base, WARMUP + base + 1);
                    double growth = last / atBase - 1;
                    long peak = rss.get(name).values().stream().flatMap(List::stream).mapToLong(Long::longValue).max()
                            .orElse(0);
                    System.out.printf("%-20s %7.0f MB %7.0f MB %+7.1f%% %7d MB | %11.0f MB %11.0f MB%s%n", name, first,
                            last, growth * 100, peak, average(heap.get(name), WARMUP, WARMUP + window),
                            average(heap.get(name), END - window, END),
                            growth > GROWTH_LIMIT ? "  MISSED: grew" : "");
                    if (growth > GROWTH_LIMIT) {
                        grown.add("%s's RSS grew %.1f %% from minute %d to the end".formatted(name, growth * 100,
                                base + 1));
                    }
                }
                System.out.println("(RSS: VmRSS every 10 s, of the measured minutes; heap: the heap after each "
                        + "collection, from the GC log)");
                System.out.printf("CPU over the measured minutes, %% of one core: %s; the machine busy %.0f %% of %d "
                        + "cores (the rest of it: PostgreSQL, Kafka, the load generator and anything else)%n",
                        String.join(", ", services.keySet().stream().map(name -> "%s %.0f".formatted(name,
                                average(cpu.get(name), WARMUP, END))).toList()),
                        average(machineBusy, WARMUP, END), Runtime.getRuntime().availableProcessors());
            }

            private synchronized double average(Map<Integer, List<Long>> perMinute, int from, int to) {
                return perMinute.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() < to)
                        .flatMap(e -> e.getValue().stream()).mapToLong(Long::longValue).average().orElse(Double.NaN);
            }

            /** utime + stime of /proc/<pid>/stat, in clock ticks. */
            private static long cpuTicks(long pid) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of the line
                } catch (Exception e) {
                    return 0;
                }
            }

            /** The machine's busy and total clock ticks since boot, from /proc/stat (idle and iowait are not busy). */
            private static long[] machineTicks() {
                try {
                    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                    long all = 0;
                    for (int i = 1; i < f.length; i++) {
                        all += Long.parseLong(f[i]);
                    }
                    return new long[] {all - Long.parseLong(f[4]) - Long.parseLong(f[5]), all};
                } catch (Exception e) {
                    return new long[] {0, 0};
                }
            }
        }
    }
}
