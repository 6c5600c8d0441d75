package io.banli.kit.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * A request line longer than {@code banli.http.max-uri-length} answers 414 as problem+json like every
 * other error. The HTTP server's own limit ({@code quarkus.http.limits.max-initial-line-length}) is set
 * well above it because the server answers its 414 before any route runs, with an empty body; only
 * request lines beyond that outer limit still get the server's bare 414.
 */
@ApplicationScoped
public class UriTooLong {

    @ConfigProperty(name = "banli.http.max-uri-length", defaultValue = "8192")
    int maxLength;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (context.request().uri().length() <= maxLength) {
                context.next();
                return;
            }
            context.response().setStatusCode(414).putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"" + Problems.TYPE_BASE + "uri-too-long\",\"title\":\"URI Too Long\","
                            + "\"status\":414,\"detail\":\"The request line is longer than " + maxLength
                            + " characters: send fewer or shorter parameters.\"}");
        });
    }
}
