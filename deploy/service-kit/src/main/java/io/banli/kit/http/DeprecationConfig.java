package io.banli.kit.http;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Deprecated API paths, by path prefix: {@code banli.api.deprecated."/api/v1/old".since=2026-01-01T00:00:00Z},
 * {@code .sunset=2026-07-01T00:00:00Z}, {@code .successor=/api/v2/new}. None by default.
 */
@ConfigMapping(prefix = "banli.api")
public interface DeprecationConfig {

    Map<String, Deprecated> deprecated();

    interface Deprecated {

        /** When the path was (or will be) deprecated; without it, it has always been (the epoch). */
        Optional<Instant> since();

        /** When the path stops answering. */
        Optional<Instant> sunset();

        /** Where clients should go instead: a path or a full URL. */
        Optional<String> successor();
    }
}
