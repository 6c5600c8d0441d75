package io.banli.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link PlatformMain} in a child JVM and waits until Kafka and PostgreSQL answer.
 * Used by the tests of every service, the end-to-end tests and the local run.
 */
public final class PlatformProcess implements AutoCloseable {

    /** System property with further options for the platform's JVM, separated by spaces. */
    public static final String JVM_OPTIONS = "banli.platform.jvm-options";

    /** The database of each service: each owns its tables and shares none. */
    public static final List<String> DATABASES = List.of("intake", "assignment", "supervision", "reporting");

    private final Process process;
    private final BlockingQueue<String> output;
    private final String kafkaBootstrapServers;
    private final int postgresPort;

    private PlatformProcess(Process process, BlockingQueue<String> output, String ready) {
        this.process = process;
        this.output = output;
        this.kafkaBootstrapServers = ready.replaceAll(".* kafka=(\\S+).*", "$1");
        this.postgresPort = Integer.parseInt(ready.replaceAll(".* postgres=(\\d+).*", "$1"));
    }

    /** A throw-away platform on free ports, for tests. */
    public static PlatformProcess startEphemeral() {
        try {
            Path dir = Files.createTempDirectory("banli-platform-");
            return start(List.of("--kafka-port", String.valueOf(freePort()),
                    "--controller-port", String.valueOf(freePort()),
                    "--postgres-port", String.valueOf(freePort()),
                    "--data-dir", dir.toString(),
                    "--databases", String.join(",", DATABASES),
                    "--ephemeral"), Path.of(System.getProperty("java.io.tmpdir"), "banli-platform.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform of the local run: fixed ports, data kept in {@code dataDir}. */
    public static PlatformProcess startDurable(Path dataDir, int kafkaPort, int postgresPort) {
        return start(List.of("--kafka-port", String.valueOf(kafkaPort),
                "--controller-port", String.valueOf(kafkaPort + 1),
                "--postgres-port", String.valueOf(postgresPort),
                "--data-dir", dataDir.toString(),
                "--databases", String.join(",", DATABASES)), dataDir.resolve("platform.log"));
    }

    private static PlatformProcess start(List<String> options, Path log) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC"));
        // The test suite passes its compiler choice on (see the parent POM); benchmarks keep the JVM's default.
        String extra = System.getProperty(JVM_OPTIONS, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dlog4j2.level=WARN",
                "-cp", runtimeClasspath(), PlatformMain.class.getName()));
        command.addAll(options);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            BlockingQueue<String> output = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> readLines(process, output), "banli-platform-output");
            reader.setDaemon(true);
            reader.start();
            String ready = awaitLine(process, output, PlatformMain.READY, log);
            return new PlatformProcess(process, output, ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readLines(Process process, BlockingQueue<String> output) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            // The platform has gone; whoever waits for a line will time out and say so.
        }
    }

    private static String awaitLine(Process process, BlockingQueue<String> output, String prefix, Path log) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (System.nanoTime() < until) {
                String line = output.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        throw new IllegalStateException("The platform did not say " + prefix + "; see " + log);
    }

    /** Takes the broker away (PostgreSQL stays): for tests of what happens while Kafka is down. */
    public void stopKafka() {
        command(PlatformMain.STOP_KAFKA, PlatformMain.KAFKA_STOPPED);
    }

    /** Brings the broker back on the same port with the same data. */
    public void startKafka() {
        command(PlatformMain.START_KAFKA, PlatformMain.KAFKA_STARTED);
    }

    private void command(String command, String answer) {
        try {
            process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitLine(process, output, answer, Path.of("the platform log"));
    }

    /** The jar or classes folder of this module, followed by its runtime dependencies. */
    static String runtimeClasspath() {
        try (InputStream in = PlatformProcess.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath missing: build deploy/platform first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path self = Path.of(PlatformProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** Closes the child's stdin, which makes it stop Kafka and PostgreSQL cleanly. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
