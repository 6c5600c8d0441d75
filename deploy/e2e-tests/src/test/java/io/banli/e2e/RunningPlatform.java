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

    RunningPlatform() {
        this(Map.of());
    }

    /** With extra environment for some services (by name), on top of the usual. */
    RunningPlatform(Map<String, Map<String, String>> extraEnv) {
        platform = PlatformProcess.startEphemeral();
        Path repo = Path.of(System.getProperty("banli.repo-root", "../..")).toAbsolutePath().normalize();
        Path logs = repo.resolve("deploy/e2e-tests/target/service-logs");
        for (String name : ServiceProcess.NAMES) {
            Map<String, String> env = new LinkedHashMap<>(name.equals("supervision-service")
                    ? Map.of("BANLI_CLOCK_OFFSET", CLOCK_AHEAD, "BANLI_SWEEP_INTERVAL", "1s")
                    : Map.of());
            env.putAll(extraEnv.getOrDefault(name, Map.of()));
            services.put(name, ServiceProcess.start(repo, name, PlatformProcess.freePort(), platform, env, logs));
        }
        services.values().forEach(ServiceProcess::awaitReady);
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
