package io.banli.kit.health;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Whether the broker answers, checked on a schedule: {@code banli_kafka_reachable} (1 or 0) for the alert and
 * {@code /q/health/group/kafka} for people. Kafka is deliberately not in readiness or liveness: while it is
 * away the outbox keeps every change, so the REST API keeps serving and no pod should leave its Service or
 * restart.
 */
@ApplicationScoped
public class KafkaReachability {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    private final AtomicInteger reachable = new AtomicInteger(1);
    private volatile String lastError;
    private Admin admin;

    void register(@Observes StartupEvent start) {
        Gauge.builder("banli.kafka.reachable", reachable, AtomicInteger::get)
                .description("1 when the Kafka cluster answered the last check, 0 when not").register(registry);
    }

    @Scheduled(every = "${banli.kafka.check-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        check();
    }

    /** Asks the cluster for its nodes, waiting at most 3 s; true when it answered. */
    public boolean check() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4, TimeUnit.SECONDS);
            reachable.set(1);
            lastError = null;
            return true;
        } catch (Exception e) {
            reachable.set(0);
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            return false;
        }
    }

    String lastError() {
        return lastError;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "banli-health");
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
