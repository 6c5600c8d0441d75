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
     * JVM options of one service beyond the heap and collector every service has. Supervision runs with the client
     * compiler only: its work is SQL, and in a burst (100,000 deadlines falling due at once) the server compiler's
     * threads took a third of a core from a fresh service on two cores; without them the burst is raised and
     * published 15-20 % sooner (deploy/benchmarks, SweepBenchmark). The Kubernetes manifests set the same.
     */
    static List<String> jvmOptions(String name) {
        return name.equals("supervision-service") ? List.of("-XX:TieredStopAtLevel=1") : List.of();
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
        Path jar = repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        try {
            Files.createDirectories(logDir);
            List<String> command = new ArrayList<>(List.of(PlatformProcess.javaExecutable(), "-Xmx256m",
                    "-XX:+UseSerialGC"));
            command.addAll(jvmOptions(name));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
            Map<String, String> env = builder.environment();
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

    /** Waits until {@code /q/health/ready} says UP: database and Kafka reached. */
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
            Thread.sleep(250);
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
