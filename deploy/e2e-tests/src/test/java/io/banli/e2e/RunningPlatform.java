package io.banli.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * Kafka, PostgreSQL and the four packaged services on free ports, as in production. supervision-service
 * runs 100 days ahead of the others, so a deadline assigned now is already past for it: the overdue
 * path can be driven without waiting three months.
 */
final class RunningPlatform implements AutoCloseable {

    static final String CLOCK_AHEAD = "PT2400H";

    final PlatformProcess platform;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Path repo;
    private final Path logs;

    RunningPlatform() {
        this(Map.of());
    }

    /** With extra environment for some services (by name), on top of the usual. */
    RunningPlatform(Map<String, Map<String, String>> extraEnv) {
        platform = PlatformProcess.startEphemeral();
        repo = Path.of(System.getProperty("banli.repo-root", "../..")).toAbsolutePath().normalize();
        logs = repo.resolve("deploy/e2e-tests/target/service-logs");
        for (String name : ServiceProcess.NAMES) {
            Map<String, String> env = new LinkedHashMap<>(name.equals("supervision-service")
                    ? Map.of("BANLI_CLOCK_OFFSET", CLOCK_AHEAD, "BANLI_SWEEP_INTERVAL", "1s")
                    : Map.of());
            env.putAll(extraEnv.getOrDefault(name, Map.of()));
            environments.put(name, env);
            services.put(name, ServiceProcess.start(repo, name, PlatformProcess.freePort(), platform, env, logs));
        }
        try {
            services.values().forEach(ServiceProcess::awaitReady);
        } catch (RuntimeException e) {
            // A service that never got ready must not outlive the test, retrying a platform that is gone.
            close();
            throw e;
        }
    }

    /** Kills the service with SIGKILL, as a node failure would. */
    void kill(String service) {
        services.get(service).kill();
    }

    /** Starts the service again on its port with its configuration, and waits until it is ready. */
    void restart(String service) {
        ServiceProcess old = services.get(service);
        services.put(service, ServiceProcess.start(repo, service, old.port(), platform, environments.get(service), logs)
                .awaitReady());
    }

    String url(String service) {
        return services.get(service).url();
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        platform.close();
    }
}
