package io.banli.kit.limits;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.banli.kit.problem.Problems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Load shedding: at most {@code banli.http.max-in-flight} API requests are worked on at once; one more is answered
 * 503 problem+json with {@code Retry-After} at once, before authentication or any database work. Without it, an
 * offered load beyond what the service can do (the last filing day of a national session) queues without bound:
 * every waiting request holds its connection and buffers, the heap fills, the collector runs without pause, and
 * the service answers almost nothing (RegisterBenchmark at 500 registrations/s: 9 answered per second, the rest
 * after minutes or never). Health and metrics endpoints are never shed: a busy service is not a dead one.
 */
@ApplicationScoped
public class InFlightLimit {

    /** Requests being worked on now. */
    private final AtomicInteger inFlight = new AtomicInteger();

    @ConfigProperty(name = "banli.http.max-in-flight", defaultValue = "128")
    int maxInFlight;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::admit);
    }

    void admit(RoutingContext context) {
        if (context.request().path().startsWith("/q/")) {
            context.next();
            return;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            context.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", "1")
                    .end("{\"type\":\"" + Problems.TYPE_BASE + "overloaded\",\"title\":\"Service Unavailable\","
                            + "\"status\":503,\"detail\":\"The service is working on " + maxInFlight
                            + " requests already: retry after a second.\"}");
            return;
        }
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    /** Requests being worked on now: what the test watches. */
    int inFlight() {
        return inFlight.get();
    }
}
