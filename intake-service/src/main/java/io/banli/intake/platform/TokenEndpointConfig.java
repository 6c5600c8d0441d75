package io.banli.intake.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits of {@code POST /api/v1/oauth2/token} ({@code banli.token-endpoint.*}), checked before any secret is hashed:
 * a request costs a 60,000-iteration PBKDF2, so the rate is what bounds the CPU a stranger can burn.
 */
@ConfigMapping(prefix = "banli.token-endpoint")
public interface TokenEndpointConfig {

    /** Requests a minute from one source address, whatever client they name. */
    @WithDefault("120")
    int perSourcePerMinute();

    /** How many of those at once. */
    @WithDefault("120")
    int perSourceBurst();

    /**
     * Requests a minute for one client from one source address. Counted per address so that a stranger naming a
     * client cannot use up the real platform's allowance.
     */
    @WithDefault("30")
    int perClientPerMinute();

    @WithDefault("20")
    int perClientBurst();

    /** Addresses (and client-address pairs) remembered at most; see KeyedBuckets. */
    @WithDefault("10000")
    int maxTracked();
}
