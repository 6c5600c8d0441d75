package io.banli.intake.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.banli.kit.problem.Problems;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Records every call of a platform client (written in its own small transaction after the answer is known, so a
 * rolled-back call is recorded too), lets the office and the auditor read them, and forgets them after 90 days.
 */
@Singleton
public class PlatformCallLog {

    static final Duration RETENTION = Duration.ofDays(90);

    @Inject
    Clock clock;

    @Inject
    ManagedExecutor executor;

    @Inject
    CurrentVertxRequest http;

    public record CallView(Instant at, Long memberId, String method, String path, int status) {
    }

    public record CallPage(List<CallView> items, int page, int size, long total) {
    }

    public static class Criteria {
        @Parameter(description = "from this instant on (inclusive)", example = "2025-01-01T00:00:00Z")
        @QueryParam("from")
        @Schema(format = "date-time", maxLength = 40)
        public String from;

        @Parameter(description = "before this instant", example = "2025-02-01T00:00:00Z")
        @QueryParam("to")
        @Schema(format = "date-time", maxLength = 40)
        public String to;

        @QueryParam("page")
        @DefaultValue("0")
        @Min(0)
        public int page;

        @QueryParam("size")
        @DefaultValue("50")
        @Min(1)
        @Max(500)
        public int size;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Object clientId = request.getProperty(PlatformCallerCheck.CLIENT_PROPERTY);
        Object memberId = request.getProperty(PlatformCallerCheck.MEMBER_PROPERTY);
        if (clientId == null) {
            Optional<SecurityIdentity> identity = authenticated(http.getCurrent());
            clientId = identity.flatMap(PlatformCaller::clientId).orElse(null);
            if (clientId == null) {
                return;
            }
            memberId = PlatformCaller.memberId(identity.get()).orElse(null);
        }
        PlatformCall call = new PlatformCall();
        call.clientId = clientId.toString();
        call.memberId = (Long) memberId;
        call.method = request.getMethod();
        call.path = template(request, resource);
        call.status = response.getStatus();
        call.at = clock.instant();
        if (BlockingOperationControl.isBlockingAllowed()) {
            store(call);
        } else {
            executor.runAsync(() -> store(call));
        }
    }

    /**
     * The role check may refuse a call before the caller check runs; it was still the client's call. The identity
     * is read as authentication left it on the HTTP request: asking for the request's identity here could block the
     * IO thread. A call whose token was not authenticated names no trustworthy client and is skipped.
     */
    private static Optional<SecurityIdentity> authenticated(RoutingContext http) {
        return http != null && http.user() instanceof QuarkusHttpUser user ? Optional.of(user.getSecurityIdentity())
                : Optional.empty();
    }

    private static void store(PlatformCall call) {
        try {
            QuarkusTransaction.requiringNew().run(call::persist);
        } catch (RuntimeException e) {
            // The answer is already decided; a lost log line must not turn it into an error.
            Log.warnf("A call of platform client %s was not recorded: %s", call.clientId, e.toString());
        }
    }

    /** The class's and method's {@code @Path} joined; the raw path only when no operation matched. */
    private static String template(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null || resource.getResourceClass() == null) {
            return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String joined = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    CallPage find(String clientId, Criteria c) {
        StringBuilder where = new StringBuilder("clientId = :client");
        Parameters params = Parameters.with("client", clientId);
        if (c.from != null) {
            where.append(" and at >= :from");
            params.and("from", instant("from", c.from));
        }
        if (c.to != null) {
            where.append(" and at < :to");
            params.and("to", instant("to", c.to));
        }
        var query = PlatformCall.<PlatformCall>find(where.toString(), Sort.descending("at", "id"), params);
        List<CallView> items = query.page(Page.of(c.page, c.size)).list().stream()
                .map(p -> new CallView(p.at, p.memberId, p.method, p.path, p.status)).toList();
        return new CallPage(items, c.page, c.size, query.count());
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badInput("invalid-parameter", name, "query", "must be an instant such as 2025-01-01T00:00:00Z");
        }
    }

    /** Once a night: calls older than 90 days go (the audit log keeps the changes, the call log only the traffic). */
    @Scheduled(cron = "0 17 3 * * ?", identity = "platform-call-purge")
    void nightly() {
        purge();
    }

    public long purge() {
        Instant before = clock.instant().minus(RETENTION);
        long deleted = QuarkusTransaction.requiringNew().call(() -> PlatformCall.delete("at < ?1", before));
        if (deleted > 0) {
            Log.infof("Forgot %d platform calls older than %s", deleted, before);
        }
        return deleted;
    }
}
