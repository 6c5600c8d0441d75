package io.banli.kit.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a client may retry a POST with the same {@code Idempotency-Key}. */
@ConfigMapping(prefix = "banli.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key and its stored response are kept. Clients are promised at least 24 hours; the default
     * leaves a day of margin for clocks and queued retries.
     */
    @WithDefault("PT48H")
    Duration retention();
}
