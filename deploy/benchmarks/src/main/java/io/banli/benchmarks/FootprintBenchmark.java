package io.banli.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * The footprint of the four packaged services: how long each takes from its process start to {@code /q/health/ready}
 * UP once Kafka and PostgreSQL answer, how long the whole platform takes from launch to all ready, and each JVM's
 * resident memory ({@code VmRSS}) sampled every 200 ms: after start, its peak under a load of its own typical
 * requests (intake: registrations and reads; assignment: unit lists and recommendations; supervision: deadline
 * lists; reporting: statistics, rankings and the annual report with its charts, Markdown and PDF), and steady once
 * the loads are over.
 * Run: {@code ./mvnw -q -pl deploy/benchmarks -am package -DskipTests && ./mvnw -q -pl deploy/benchmarks exec:java
 * -Dexec.mainClass=io.banli.benchmarks.FootprintBenchmark}. {@code -Dseconds=} sets each service's load (20),
 * {@code -Dsettle=} the quiet time before the steady figure (15); {@code -Djvm="..."} replaces the JVM options every
 * service gets ({@code ServiceProcess.JVM_OPTIONS}; {@code {name}} is replaced by the service's name, e.g. for a
 * class data sharing archive per service; the build's own archive, {@code app-cds.jsa}, is added unless these options
 * decide about class data sharing themselves: {@code -Xshare:auto} compares without it); {@code
 * -Dstagger=true} starts each service only when the one before is ready (each one's own start time, not four JVMs
 * sharing the cores); {@code -Djvm.<service name>="..."} adds options for one service after the others, so
 * they win (e.g. {@code -Djvm.assignment-service=-XX:TieredStopAtLevel=4}); {@code -DmallocArenas=} replaces glibc's {@code MALLOC_ARENA_MAX} of {@code ServiceProcess.ENVIRONMENT}.
 */
public final class FootprintBenchmark {

    static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    static final Duration SETTLE = Duration.ofSeconds(Integer.getInteger("settle", 15));
    static final int FILINGS = 300;

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path logs = repo.resolve("deploy/benchmarks/target/logs");
        String jvmProperty = System.getProperty("jvm");
        boolean stagger = Boolean.getBoolean("stagger");
        String loadBefore = RegisterBenchmark.LOAD_BEFORE;
        Map<String, String> env = new HashMap<>();
        if (System.getProperty("mallocArenas") != null) {
            env.put("MALLOC_ARENA_MAX", System.getProperty("mallocArenas"));
        }

        long launch = System.nanoTime();
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        try (PlatformProcess platform = PlatformProcess.startEphemeral()) {
            double platformUp = seconds(launch);
            Map<String, Double> ready = new ConcurrentHashMap<>();
            List<Thread> waiting = new ArrayList<>();
            for (String name : ServiceProcess.NAMES) {
                List<String> jvm = new ArrayList<>(jvmProperty == null ? ServiceProcess.JVM_OPTIONS
                        : Arrays.asList(jvmProperty.replace("{name}", name).trim().split("\\s+")));
                jvm.addAll(ownOptions(name)); // last wins: overrides the shared ones
                options.put(name, jvm);
                long started = System.nanoTime();
                ServiceProcess service = ServiceProcess.start(repo, name, PlatformProcess.freePort(), platform,
                        env, logs, jvm);
                services.put(name, service);
                Thread wait = new Thread(() -> {
                    service.awaitReady(); // a service that never gets ready is missing from ready: checked below
                    ready.put(name, seconds(started));
                });
                wait.start();
                if (stagger) {
                    wait.join();
                } else {
                    waiting.add(wait);
                }
            }
            for (Thread wait : waiting) {
                wait.join();
            }
            double allReady = seconds(launch);
            if (ready.size() < services.size()) {
                throw new IllegalStateException("Not every service became ready; see " + logs);
            }
            RssSampler rss = new RssSampler(services);
            rss.start();
            Thread.sleep(1000); // a few samples of the idle, just-started services
            Map<String, Long> afterStart = rss.current();

            Map<String, String> loadLines = new LinkedHashMap<>();
            Map<String, Long> peaks = new LinkedHashMap<>();
            load(services, loadLines, peaks, rss);

            Thread.sleep(SETTLE.toMillis());
            Map<String, Long> steady = rss.medianOfLast(5_000);
            Map<String, Long> peakAll = rss.overallPeaks();
            rss.interrupt();

            System.out.printf("%nplatform (Kafka, PostgreSQL) answering %.1f s after launch; all four services ready "
                    + "%.1f s after launch (%s)%n", platformUp, allReady,
                    stagger ? "started one after another" : "started together");
            System.out.printf("%-20s %9s %10s %13s %13s %13s%n", "service", "ready s", "RSS start", "RSS load peak",
                    "RSS peak", "RSS steady");
            for (String name : ServiceProcess.NAMES) {
                System.out.printf("%-20s %9.2f %7d MB %10d MB %10d MB %10d MB%n", name, ready.get(name),
                        afterStart.get(name), peaks.get(name), peakAll.get(name), steady.get(name));
            }
            System.out.println("(ready: from the service's process start to /q/health/ready UP; RSS: VmRSS; load peak: "
                    + "the highest sample during its own load; peak: over the whole run; steady: median of the last 5 s, "
                    + SETTLE.toSeconds() + " s after the loads)");
            System.out.println();
            loadLines.values().forEach(System.out::println);
            System.out.println();
            options.forEach((name, jvm) -> System.out.println("JVM options " + name + ": " + String.join(" ", jvm)));
            Map<String, String> environment = new LinkedHashMap<>(ServiceProcess.ENVIRONMENT);
            environment.putAll(env);
            environment.forEach((key, value) -> System.out.println("environment: " + key + "=" + value));
            System.out.printf("machine: %d cores, %s %s, Java %s, load average before the run %s, after %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), loadBefore,
                    Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            services.values().forEach(ServiceProcess::close);
        }
    }

    /** Each service in turn under 8 connections of its own typical requests; the peak RSS sampled meanwhile. */
    private static void load(Map<String, ServiceProcess> services, Map<String, String> lines, Map<String, Long> peaks,
            RssSampler rss) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String office = DevTokens.sign("office-bench", "office", Map.of());
        String intake = services.get("intake-service").url() + "/api/v1";
        String assignment = services.get("assignment-service").url() + "/api/v1";
        String supervision = services.get("supervision-service").url() + "/api/v1";
        String reporting = services.get("reporting-service").url() + "/api/v1";

        long[] sessions = new long[2];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = Http.id(Http.post(http, intake + "/sessions", office, """
                    {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "足迹会议%d", "year": 2025}""".formatted(i)));
        }
        long[] members = new long[20];
        Map<Long, String> memberTokens = new HashMap<>();
        for (int i = 0; i < members.length; i++) {
            members[i] = Http.id(Http.post(http, intake + "/members", office, """
                    {"kind": "DEPUTY", "name": "足迹代表%d", "delegation": "足迹代表团"}""".formatted(i)));
            memberTokens.put(members[i], DevTokens.sign("member-" + members[i], "member",
                    Map.of("member_id", String.valueOf(members[i]))));
        }
        for (int i = 0; i < 8; i++) {
            Http.post(http, assignment + "/units", office, """
                    {"name": "足迹单位%d", "kind": "BUREAU"}""".formatted(i));
        }
        List<long[]> items = new ArrayList<>(); // id, lead proposer
        for (int n = 0; n < FILINGS; n++) {
            long member = members[n % members.length];
            items.add(new long[] {Http.id(Http.post(http, intake + "/submissions", office,
                    Filings.filing(n, sessions[n % 2], member))), member});
        }
        // Assignment and reporting know the items once they consumed intake's events.
        long last = items.get(items.size() - 1)[0];
        awaitStatus(http, office, assignment + "/submissions/" + last + "/recommended-units", 200);

        LoadGenerator created = new LoadGenerator(201);
        LoadGenerator ok = new LoadGenerator(200);
        rss.resetPeaks();
        int[] offset = {FILINGS};
        LoadGenerator.Result register = created.closed(8, LOAD.dividedBy(2), n -> {
            long member = members[n % members.length];
            return post(intake + "/submissions", office,
                    Filings.filing(offset[0] + n, sessions[n % 2], member));
        });
        LoadGenerator.Result read = ok.closed(8, LOAD.dividedBy(2), n -> {
            long[] item = items.get(n % items.size());
            return get(intake + "/submissions/" + item[0], memberTokens.get(item[1]));
        });
        peaks.put("intake-service", rss.peaks().get("intake-service"));
        lines.put("intake-service", register.line("intake: register, 8 connections") + "; "
                + read.line("read one as its member"));

        rss.resetPeaks();
        LoadGenerator.Result assign = ok.closed(8, LOAD, n -> n % 4 == 0 ? get(assignment + "/units", office)
                : get(assignment + "/submissions/" + items.get(n % items.size())[0] + "/recommended-units", office));
        peaks.put("assignment-service", rss.peaks().get("assignment-service"));
        lines.put("assignment-service", assign.line("assignment: units and recommended units, 8 connections"));

        rss.resetPeaks();
        LoadGenerator.Result supervise = ok.closed(8, LOAD, n -> n % 2 == 0 ? get(supervision + "/deadlines", office)
                : get(supervision + "/deadlines?submissionId=" + items.get(n % items.size())[0], office));
        peaks.put("supervision-service", rss.peaks().get("supervision-service"));
        lines.put("supervision-service", supervise.line("supervision: deadline lists, 8 connections"));

        rss.resetPeaks();
        IntFunction<HttpRequest> report = n -> switch (n % 20) {
            case 0 -> get(reporting + "/reports/annual?year=2025", office);
            case 1 -> get(reporting + "/reports/annual?sessionId=" + sessions[0] + "&format=PDF", office);
            case 2, 3, 4 -> get(reporting + "/rankings?year=2025", office);
            default -> get(reporting + "/statistics?sessionId=" + sessions[n % 2], office);
        };
        LoadGenerator.Result reports = ok.closed(8, LOAD, report);
        peaks.put("reporting-service", rss.peaks().get("reporting-service"));
        lines.put("reporting-service", reports.line(
                "reporting: statistics, rankings, annual report (Markdown with charts, PDF), 8 connections"));
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static void awaitStatus(HttpClient http, String token, String url, int status) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (http.send(get(url, token), HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " did not answer " + status + " within 60 s");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Every service's VmRSS every 200 ms: the peak since the last reset, and the samples of the last seconds. */
    /** VmRSS of /proc/<pid>/status in MiB; 0 once the process has gone. */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // the process has gone
        }
        return 0;
    }

    private static final class RssSampler extends Thread {

        private final Map<String, Long> pids = new LinkedHashMap<>();
        private final Map<String, Long> peaks = new ConcurrentHashMap<>();
        private final Map<String, Long> overall = new ConcurrentHashMap<>();
        private final Map<String, long[]> recent = new ConcurrentHashMap<>(); // ring of the last 60 samples (12 s)
        private final Map<String, Integer> count = new ConcurrentHashMap<>();

        RssSampler(Map<String, ServiceProcess> services) {
            super("rss-sampler");
            setDaemon(true);
            services.forEach((name, service) -> pids.put(name, service.pid()));
            pids.keySet().forEach(name -> {
                peaks.put(name, 0L);
                overall.put(name, 0L);
                recent.put(name, new long[60]);
                count.put(name, 0);
            });
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                pids.forEach((name, pid) -> {
                    long mb = rssMb(pid);
                    peaks.merge(name, mb, Math::max);
                    overall.merge(name, mb, Math::max);
                    synchronized (this) {
                        int c = count.get(name);
                        recent.get(name)[c % 60] = mb;
                        count.put(name, c + 1);
                    }
                });
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void resetPeaks() {
            peaks.replaceAll((name, mb) -> 0L);
        }

        Map<String, Long> peaks() {
            return new LinkedHashMap<>(peaks);
        }

        Map<String, Long> overallPeaks() {
            return new LinkedHashMap<>(overall);
        }

        Map<String, Long> current() {
            Map<String, Long> now = new LinkedHashMap<>();
            pids.forEach((name, pid) -> now.put(name, rssMb(pid)));
            return now;
        }

        synchronized Map<String, Long> medianOfLast(long millis) {
            int n = (int) Math.min(60, millis / 200);
            Map<String, Long> medians = new LinkedHashMap<>();
            pids.keySet().forEach(name -> {
                int c = count.get(name);
                long[] last = new long[Math.min(n, c)];
                for (int i = 0; i < last.length; i++) {
                    last[i] = recent.get(name)[(c - 1 - i) % 60];
                }
                Arrays.sort(last);
                medians.put(name, last.length == 0 ? 0 : last[last.length / 2]);
            });
            return medians;
        }

    }

    /** The JVM options {@code -Djvm.<service name>="..."} adds for one service, after the others; none if unset. */
    static List<String> ownOptions(String name) {
        String own = System.getProperty("jvm." + name, "").trim();
        return own.isEmpty() ? List.of() : Arrays.asList(own.split("\\s+"));
    }
}
