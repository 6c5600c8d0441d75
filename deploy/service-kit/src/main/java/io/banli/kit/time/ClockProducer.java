package io.banli.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock every rule reads, in the deployment's zone. {@code banli.clock.offset} shifts it,
 * which lets a drill or an end-to-end test run a service "in the future" to see deadlines pass;
 * tests inside one JVM replace the bean altogether.
 *
 * <p>The zone is {@link io.banli.kit.config.BanliConfig#zone()}'s key, read as a plain property: REST filters
 * are built while Quarkus starts, before runtime config mappings exist, and a filter that needs the clock
 * (intake's platform call log) would otherwise stop the service from starting.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "banli.standards.zone", defaultValue = "Asia/Shanghai") ZoneId zone,
            @ConfigProperty(name = "banli.clock.offset", defaultValue = "PT0S") Duration offset) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
