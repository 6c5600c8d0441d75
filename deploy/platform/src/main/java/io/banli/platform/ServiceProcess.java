package io.banli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Banli service running in its own JVM, as it runs in production. */
public final class ServiceProcess implements AutoCloseable {

    /** The four services; in the local run they listen on 8081, 8082, 8083 and 8084 in this order. */
    public static final List<String> NAMES = List.of("intake-service", "assignment-service", "supervision-service",
            "reporting-service");

    public static int localPort(String name) {
        return 8081 + NAMES.indexOf(name);
    }

    /**
     * JVM options every service runs with, chosen by measurement (deploy/benchmarks, FootprintBenchmark; deploy/docs/
     * decisions.md "JVM settings chosen by measurement"): a heap of at most 128 MB that starts small and gives memory
     * back after a collection, a young generation of at most 16 MB (every byte of it is touched between two
     * collections), the serial collector, a smaller code cache and thread stacks, and the client compiler only: on two
     * cores the server compiler's threads compete with the requests longer than its code pays back, and its profiles
     * and code cost each service about 70 MB. Together with {@link #ENVIRONMENT} they took each service from 324-383 MB
     * resident under load to 235-254 MB and its start from 20-25 s to 13-17 s (four starting at once on two cores; the
     * last measurements 2.0-2.6 s each, started one after another). Every 15 s the JVM hands the C heap's free pages
     * back to the system (JDK 17.0.9 or later): intake's peak 257 -> 249-251 MB; every 5 s doubled the reads' p99 at
     * 1,000/s, every second cost a tenth of the throughput. The Kubernetes manifests set the same in the base config
     * map ({@code JAVA_OPTS_APPEND}, {@code MALLOC_ARENA_MAX}).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-Xms16m", "-XX:MaxNewSize=16m",
            "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=64m",
            "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:TrimNativeHeapInterval=15000");

    /** glibc keeps at most two malloc arenas instead of eight per core: the JVM's own allocations stay packed. */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** The class data archive the build writes beside the application (quarkus.package.jar.appcds). */
    public static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";

    /**
     * {@code -XX:SharedArchiveFile=app-cds.jsa} when the build wrote the archive and {@code jvm} does not already
     * decide about class data sharing ({@code -Xshare:...} or an archive of its own, e.g. a benchmark comparing
     * without it). The archive holds the classes the application loads while it starts, already parsed and
     * verified: each service spends 0.3-1.5 s less CPU starting (deploy/docs/decisions.md "Class data sharing"). A JVM of another
     * version than the build's ignores the archive and starts as before, only slower.
     */
    static List<String> classDataSharing(Path app, List<String> jvm) {
        boolean decided = jvm.stream().anyMatch(option -> option.startsWith("-Xshare:")
                || option.startsWith("-XX:SharedArchiveFile="));
        if (decided || !Files.isRegularFile(app.resolve(CLASS_DATA_ARCHIVE))) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE);
    }

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code <repo>/<name>/target/quarkus-app/quarkus-run.jar} against the platform, without
     * waiting; call {@link #awaitReady()}.
     *
     * @param extraEnv further configuration, e.g. {@code BANLI_CLOCK_OFFSET}
     */
    public static ServiceProcess start(Path repoRoot, String name, int port, PlatformProcess platform,
            Map<String, String> extraEnv, Path logDir) {
        return start(repoRoot, name, port, platform, extraEnv, logDir, JVM_OPTIONS);
    }

    /** As {@link #start(Path, String, int, PlatformProcess, Map, Path)} with other JVM options: for benchmarks comparing them. */
    public static ServiceProcess start(Path repoRoot, String name, int port, PlatformProcess platform,
            Map<String, String> extraEnv, Path logDir, List<String> jvm) {
        Path app = repoRoot.resolve(name).resolve("target/quarkus-app").toAbsolutePath();
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar")
                    + " is missing: package the services first (./mvnw package)");
        }
        try {
            Files.createDirectories(logDir);
            List<String> command = new ArrayList<>(List.of(PlatformProcess.javaExecutable()));
            command.addAll(jvm);
            command.addAll(classDataSharing(app, jvm));
            // From the application's own folder, by a relative path: the class data archive names the jars as they
            // were named when it was written (quarkus-run.jar, lib/...), and refuses them under any other name.
            command.addAll(List.of("-jar", "quarkus-run.jar"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(ENVIRONMENT);
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            // A developer's machine: reachable from itself only, not from the network it is on.
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            // The packaged jar runs in the prod profile, which otherwise refuses the development keys.
            env.put("BANLI_SECURITY_ALLOW_DEVELOPMENT_KEYS", "true");
            env.put("BANLI_KAFKA_BOOTSTRAP", platform.kafkaBootstrapServers());
            env.put("BANLI_DB_HOST", "127.0.0.1");
            env.put("BANLI_DB_PORT", String.valueOf(platform.postgresPort()));
            env.put("MP_JWT_VERIFY_PUBLICKEY", DevTokens.publicKeyPem());
            if (name.equals("intake-service")) {
                // intake issues the platform clients' tokens (client credentials), signed like the dev tokens
                env.put("BANLI_PLATFORM_TOKEN_SIGNING_KEY", DevTokens.privateKeyPem());
                // ... and seals webhook secrets at rest; this key, like the token key, is for local runs only
                env.putIfAbsent("BANLI_WEBHOOKS_SECRET_KEYS", "dev-only-1:3eTqJZPw+370XdYvMCbB3X1Tolf+5oApU0N9aJ8emtc=");
            }
            env.putAll(extraEnv);
            Process process = builder.start();
            // The service must not outlive the JVM that started it (a test run stopped or failed half-way).
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ServiceProcess(name, port, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} says UP: database and Kafka reached. Asks every 50 ms, so the time it
     * returns at is the ready time to within that (FootprintBenchmark measures start-up with it).
     */
    public ServiceProcess awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException(name + " was not ready within 120 s; see its log");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The operating system's id of the service's JVM: for reading its memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the process dies mid-work, as on a node failure; nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: Quarkus finishes what it is doing and stops. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
