package io.banli.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's own JVM: starts Kafka and PostgreSQL, prints {@link #READY} with their
 * addresses, and stops both when its standard input closes. Tying the lifetime to stdin means a
 * test run or launcher that dies, even by SIGKILL, leaves no broker or database behind.
 *
 * <pre>
 * --kafka-port N --controller-port N --postgres-port N --data-dir DIR
 * --databases a,b,c [--ephemeral]   (ephemeral: fsync off, data folder removed on exit)
 * </pre>
 */
public final class PlatformMain {

    public static final String READY = "BANLI-PLATFORM-READY";
    static final String STOP_KAFKA = "stop-kafka";
    static final String START_KAFKA = "start-kafka";
    static final String KAFKA_STOPPED = "KAFKA-STOPPED";
    static final String KAFKA_STARTED = "KAFKA-STARTED";

    private PlatformMain() {
    }

    public static void main(String[] args) throws Exception {
        PlatformOptions options = PlatformOptions.parse(args);
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, options)));
        KafkaBroker broker;
        try {
            Database database = Database.start(options.dataDir().resolve("postgres"), options.postgresPort(),
                    !options.ephemeral(), options.databases());
            started.add(database);
            broker = startBroker(options, started);
            System.out.println(READY + " kafka=" + broker.bootstrapServers() + " postgres=" + database.port());
            System.out.flush();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        // Commands on stdin let a test take the broker away and bring it back; EOF ends everything.
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null) {
            if (command.equals(STOP_KAFKA) && broker != null) {
                started.remove(broker);
                broker.close();
                broker = null;
                System.out.println(KAFKA_STOPPED);
            } else if (command.equals(START_KAFKA) && broker == null) {
                broker = startBroker(options, started);
                System.out.println(KAFKA_STARTED);
            }
            System.out.flush();
        }
        System.exit(0);
    }

    private static KafkaBroker startBroker(PlatformOptions options, List<AutoCloseable> started) throws Exception {
        KafkaBroker broker = KafkaBroker.start(options.dataDir().resolve("kafka"), options.kafkaPort(),
                options.controllerPort());
        started.add(broker);
        return broker;
    }

    private static synchronized void stop(List<AutoCloseable> started, PlatformOptions options) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Stopping " + started.get(i).getClass().getSimpleName() + " failed: " + e);
            }
        }
        started.clear();
        if (options.ephemeral()) {
            deleteRecursively(options.dataDir());
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e);
        }
    }

    /** Command-line options of the platform JVM. */
    record PlatformOptions(int kafkaPort, int controllerPort, int postgresPort, Path dataDir,
            List<String> databases, boolean ephemeral) {

        static PlatformOptions parse(String[] args) {
            int kafka = 9092;
            int controller = 9093;
            int postgres = 5432;
            Path dir = Path.of("data");
            List<String> databases = List.of();
            boolean ephemeral = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--kafka-port" -> kafka = Integer.parseInt(args[++i]);
                    case "--controller-port" -> controller = Integer.parseInt(args[++i]);
                    case "--postgres-port" -> postgres = Integer.parseInt(args[++i]);
                    case "--data-dir" -> dir = Path.of(args[++i]);
                    case "--databases" -> databases = Arrays.asList(args[++i].split(","));
                    case "--ephemeral" -> ephemeral = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new PlatformOptions(kafka, controller, postgres, dir, databases, ephemeral);
        }
    }
}
