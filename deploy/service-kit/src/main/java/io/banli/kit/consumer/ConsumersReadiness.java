package io.banli.kit.consumer;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while a consumer is stalled on the database: the pod cannot do its work, so it leaves
 * its Service until the database is back. Liveness stays UP (a restart would not help). Kafka is not part
 * of readiness: see {@code io.banli.kit.health.KafkaHealthCheck}.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    @Inject
    EventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumers").up();
        for (Map.Entry<String, ChannelState> channel : consumer.channels().entrySet()) {
            ChannelState state = channel.getValue();
            Instant stalled = state.stalledSince();
            if (stalled != null) {
                response.down().withData(channel.getKey(), "stalled on the database since " + stalled + ": "
                        + state.lastFailure());
            } else if (state.waitingSince() != null) {
                response.withData(channel.getKey(), "waiting since " + state.waitingSince() + ": "
                        + state.lastFailure());
            } else {
                response.withData(channel.getKey(), "flowing");
            }
        }
        return response.build();
    }
}
