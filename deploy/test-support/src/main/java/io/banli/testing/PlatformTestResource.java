package io.banli.testing;

import java.util.Map;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Kafka broker and a real PostgreSQL (in a child JVM, on free ports) for a service's
 * {@code @QuarkusTest}s, and points the service at them. Tokens signed by {@link Tokens} verify.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static PlatformProcess platform;

    @Override
    public Map<String, String> start() {
        platform = PlatformProcess.startEphemeral();
        return Map.of(
                "BANLI_KAFKA_BOOTSTRAP", platform.kafkaBootstrapServers(),
                "BANLI_DB_HOST", "127.0.0.1",
                "BANLI_DB_PORT", String.valueOf(platform.postgresPort()),
                "mp.jwt.verify.publickey", DevTokens.publicKeyPem());
    }

    @Override
    public void stop() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    /** Takes the broker away, for tests of what the service does while Kafka is down. */
    public static void stopKafka() {
        platform.stopKafka();
    }

    /** Brings the broker back on the same address with its data. */
    public static void startKafka() {
        platform.startKafka();
    }

    /** The broker of the running test platform, for {@link TopicProbe}. */
    public static String kafkaBootstrapServers() {
        return platform.kafkaBootstrapServers();
    }
}
