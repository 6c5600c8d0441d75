package io.banli.kit.limits;

import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.banli.kit.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses a body larger than its operation takes ({@link BodyLimit}, else {@code banli.http.max-body-size}) with
 * 413 problem+json before the resource runs, so nothing is stored. It reads the declared {@code Content-Length};
 * a body sent without one is held to the service-wide {@code quarkus.http.limits.max-body-size} by the HTTP layer.
 */
public class BodyLimitCheck {

    static final String TYPE = "body-too-large";

    @ConfigProperty(name = "banli.http.max-body-size", defaultValue = "1M")
    MemorySize defaultLimit;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP layer refuses a malformed length itself
        }
        BodyLimit own = resource.getResourceMethod().getAnnotation(BodyLimit.class);
        long limit = own != null ? own.megabytes() * 1024L * 1024L : defaultLimit.asLongValue();
        if (length <= limit) {
            return Optional.empty();
        }
        return Optional.of(Problems.problem(413, TYPE, "Content Too Large", "This operation takes at most " + limit
                + " bytes; the request has " + length + ".").toResponse());
    }
}
