package io.banli.kit.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.banli.kit.config.BanliConfig;
import io.quarkus.arc.DefaultBean;

/**
 * The one clock every rule reads, in the deployment's zone. {@code banli.clock.offset} shifts it,
 * which lets a drill or an end-to-end test run a service "in the future" to see deadlines pass;
 * tests inside one JVM replace the bean altogether.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(BanliConfig banli,
            @ConfigProperty(name = "banli.clock.offset", defaultValue = "PT0S") Duration offset) {
        return Clock.offset(Clock.system(banli.zone()), offset);
    }
}
