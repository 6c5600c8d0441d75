package io.banli.kit.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tells clients of a deprecated path, on every answer, that it is going away: {@code Deprecation} (RFC 9745,
 * {@code @<unix seconds>}), {@code Sunset} (RFC 8594, an HTTP-date) and {@code Link: <…>; rel="successor-version"}.
 * The paths come from configuration ({@link DeprecationConfig}), so announcing a deprecation needs no release;
 * the longest matching prefix wins.
 */
public class DeprecationHeaders {

    /** RFC 9110's IMF-fixdate: two-digit day, English names, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    @Inject
    DeprecationConfig config;

    @ServerResponseFilter
    public void announce(ContainerRequestContext request, ContainerResponseContext response) {
        if (config.deprecated().isEmpty()) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        config.deprecated().entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .ifPresent(d -> {
                    response.getHeaders().putSingle("Deprecation",
                            "@" + d.since().orElse(Instant.EPOCH).getEpochSecond());
                    d.sunset().ifPresent(at -> response.getHeaders().putSingle("Sunset",
                            HTTP_DATE.format(at.atOffset(ZoneOffset.UTC))));
                    d.successor().ifPresent(to -> response.getHeaders().add("Link",
                            "<" + to + ">; rel=\"successor-version\""));
                });
    }
}
