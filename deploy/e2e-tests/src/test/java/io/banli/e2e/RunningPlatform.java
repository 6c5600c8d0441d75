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
 *
 * <p>Every end-to-end class runs on the one {@link #shared()} platform: starting five JVMs took about 50 s
 * on the CI machine, more than most stories. So each class opens its own session, members and units under
 * names of its own, reads topics from where they stood when it began, and leaves every part it stopped
 * running again.
 */
final class RunningPlatform implements AutoCloseable {

    static final String CLOCK_AHEAD = "PT2400H";

    /** A second portal with a rate limit of two requests a minute, to meet the 429 (PortalStoryIT). */
    static final String FLOOD = "flood";
    private static final String FLOOD_LIMIT = "-Dbanli.rate-limit.platform.clients." + FLOOD + ".requests-per-minute=2";

    /**
     * The broker gives a killed service's partitions to its successor after 10 s of silence instead of Kafka's
     * 45 s: the fault tests kill services mid-stream, and the classes after them would wait out the rest
     * (production's rolling restarts leave the group cleanly and do not wait at all).
     */
    private static final String KAFKA = "-Dkafka.session.timeout.ms=10000";

    /**
     * What the stories need beyond production's settings: assignment waits 5 s (not 10 min) for a missing
     * dependency before dead-lettering (DeadLetterIT); intake delivers webhooks to a plain-http receiver on the
     * loopback interface and retries a failed one after 2 s (not 30 s), and intake and reporting limit the flood
     * portal (PortalStoryIT).
     */
    private static final Map<String, Map<String, String>> STORIES = Map.of(
            "assignment-service", Map.of("BANLI_CONSUMER_NOT_READY_FOR", "5s", "JAVA_TOOL_OPTIONS", KAFKA),
            "supervision-service", Map.of("JAVA_TOOL_OPTIONS", KAFKA),
            "intake-service", Map.of("BANLI_WEBHOOKS_ALLOW_PLAIN_HTTP", "true", "BANLI_WEBHOOKS_BACKOFF", "2s,1m",
                    "JAVA_TOOL_OPTIONS", KAFKA + " " + FLOOD_LIMIT),
            "reporting-service", Map.of("JAVA_TOOL_OPTIONS", KAFKA + " " + FLOOD_LIMIT));

    private static RunningPlatform shared;

    /** The platform of this test run, started by the first class that asks and stopped when the run ends. */
    static synchronized RunningPlatform shared() {
        if (shared == null) {
            shared = new RunningPlatform(STORIES);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-platform"));
        }
        return shared;
    }

    final PlatformProcess platform;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Path repo;
    private final Path logs;

    /** With extra environment for some services (by name), on top of the usual. */
    private RunningPlatform(Map<String, Map<String, String>> extraEnv) {
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
