package io.banli.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/** {@code GET /q/health/group/kafka}: the broker's state, outside readiness and liveness on purpose. */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    KafkaReachability kafka;

    @Override
    public HealthCheckResponse call() {
        return kafka.check() ? HealthCheckResponse.up("Kafka")
                : HealthCheckResponse.named("Kafka").down().withData("error", String.valueOf(kafka.lastError()))
                        .build();
    }
}
