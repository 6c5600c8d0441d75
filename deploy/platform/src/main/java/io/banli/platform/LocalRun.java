package io.banli.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The whole platform on one machine: Kafka on 9092, PostgreSQL, the four packaged services on
 * 8081–8084, and the demo session. Runs until Ctrl-C, which stops everything it started; the data
 * stays in {@code deploy/.data} for the next run.
 */
public final class LocalRun {

    static final int KAFKA_PORT = 9092;
    static final int POSTGRES_PORT = 15432;

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = repo.resolve("deploy/.data");
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Banli…");
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("While stopping: " + e);
                }
            }
            stopped.countDown();
        }));

        System.out.println("Starting Kafka (localhost:" + KAFKA_PORT + ") and PostgreSQL (localhost:" + POSTGRES_PORT
                + "), data in " + data);
        PlatformProcess platform = PlatformProcess.startDurable(data.resolve("platform"), KAFKA_PORT, POSTGRES_PORT);
        started.add(platform);

        List<ServiceProcess> services = new ArrayList<>();
        for (String name : ServiceProcess.NAMES) {
            ServiceProcess service = ServiceProcess.start(repo, name, ServiceProcess.localPort(name), platform,
                    Map.of(), data.resolve("logs"));
            started.add(service);
            services.add(service);
        }
        for (ServiceProcess service : services) {
            service.awaitReady();
            System.out.println("  " + service.name() + " ready");
        }

        DemoData demo = new DemoData(services.get(0).url(), services.get(1).url());
        if (demo.loaded()) {
            System.out.println("Demo session already loaded (kept from an earlier run).");
        } else {
            demo.load();
            System.out.println("Demo session loaded: 2 sessions, 4 members, 4 units, 3 submissions.");
        }

        Map<String, String> tokens = demoTokens();
        Path tokenFile = data.resolve("tokens.json");
        Files.writeString(tokenFile, tokens.entrySet().stream()
                .map(e -> "  \"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(",\n", "{\n", "\n}\n")), StandardCharsets.UTF_8);

        System.out.println("\nBanli is running. Swagger UI:");
        services.forEach(s -> System.out.println("  " + s.name() + "  " + s.url() + "/q/swagger-ui"));
        System.out.println("\nBearer tokens of the demo users (development key, valid 30 days), also in " + tokenFile + ":");
        tokens.forEach((role, token) -> System.out.println("  " + role + ": " + token));
        System.out.println("\nLogs in " + data.resolve("logs") + ". Press Ctrl-C to stop.");
        stopped.await();
    }

    /** One demo user per role; unit users belong to 市交通运输局 (unit 2), the member is 王建华 (member 1). */
    static Map<String, String> demoTokens() throws IOException {
        java.time.Duration days30 = java.time.Duration.ofDays(30);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("office", DevTokens.sign("office-demo", "office", Map.of(), days30));
        tokens.put("unit-staff", DevTokens.sign("staff-demo", "unit-staff", Map.of("unit_id", "2"), days30));
        tokens.put("unit-head", DevTokens.sign("head-demo", "unit-head", Map.of("unit_id", "2"), days30));
        tokens.put("leader", DevTokens.sign("leader-demo", "leader", Map.of(), days30));
        tokens.put("member", DevTokens.sign("member-demo", "member", Map.of("member_id", "1"), days30));
        // The demo portal holds every scope of the integration API, as intake's token endpoint would grant them.
        tokens.put("platform", DevTokens.sign("portal-demo", "platform", Map.of("client_id", "portal-demo",
                "scope", "submissions:write submissions:read progress:read evaluations:write webhooks:manage "
                        + "statistics:read"), days30));
        tokens.put("auditor", DevTokens.sign("auditor-demo", "auditor", Map.of(), days30));
        return tokens;
    }
}
