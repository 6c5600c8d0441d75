package io.banli.kit.ratelimit;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request rates of platform clients ({@code banli.rate-limit.platform.*}), with per-client overrides under
 * {@code banli.rate-limit.platform.clients."<client id>".*}.
 */
@ConfigMapping(prefix = "banli.rate-limit.platform")
public interface RateLimitConfig {

    /** The sustained rate of every client: its bucket refills evenly at this rate. */
    @WithDefault("600")
    int requestsPerMinute();

    /** How many requests a client may send at once (the bucket's size); by default a whole minute's worth. */
    Optional<Integer> burst();

    /** Clients with a limit of their own, by client id. */
    Map<String, ClientLimit> clients();

    interface ClientLimit {

        int requestsPerMinute();

        Optional<Integer> burst();
    }
}
