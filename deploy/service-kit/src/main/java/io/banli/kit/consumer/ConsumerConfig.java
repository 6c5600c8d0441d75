package io.banli.kit.consumer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How event consumers wait for the database and for events they depend on. */
@ConfigMapping(prefix = "banli.consumer")
public interface ConsumerConfig {

    /** How long an attempt waits for a row lock before it fails (and is retried). */
    @WithDefault("5s")
    Duration lockTimeout();

    /** How long one statement of an attempt may run before it is cancelled (and the attempt retried). */
    @WithDefault("30s")
    Duration statementTimeout();

    /** The pause after the first failed attempt; it doubles with each further one... */
    @WithDefault("100ms")
    Duration firstBackoff();

    /**
     * ...up to this. A database that stays away is retried at this pace for as long as it takes; it is also
     * about how long a consumer may need to notice that the database is back.
     */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long an event that came before what it depends on is retried before it is dead-lettered. */
    @WithDefault("10m")
    Duration notReadyFor();
}
