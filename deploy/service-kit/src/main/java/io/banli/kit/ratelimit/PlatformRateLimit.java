package io.banli.kit.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Limits the request rate of each platform client (its token's {@code client_id}, else its principal) with a
 * token bucket; over the limit it answers 429 with {@code Retry-After}. Every platform response says where the
 * client stands ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, and {@code RateLimit-Reset}: seconds until
 * the bucket is full again). People's roles are not limited here.
 *
 * <p>The buckets live in this instance's memory: with several replicas each one limits on its own, so a client
 * may reach the limit once per replica. That is enough to stop a runaway integration without a shared store.
 */
public class PlatformRateLimit {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    private static final String STANDING = PlatformRateLimit.class.getName() + ".standing";

    private record Standing(int limit, long remaining, long reset) {
    }

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    RateLimitConfig config;

    /** Before the scope check: refused calls count too, or probing would be free. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION - 100)
    public Optional<Response> take(ContainerRequestContext request) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.PLATFORM)) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(client(), id -> bucket(id, now));
        long remaining = bucket.take(now);
        request.setProperty(STANDING, new Standing(bucket.capacity(), Math.max(remaining, 0),
                bucket.secondsUntilFull(now)));
        if (remaining >= 0) {
            return Optional.empty();
        }
        long retryAfter = bucket.secondsUntilNext(now);
        return Optional.of(Response.fromResponse(Problems.problem(429, "rate-limited", "Too Many Requests",
                "This client sent more requests than its limit allows; retry in " + retryAfter + " s.").toResponse())
                .header("Retry-After", retryAfter).build());
    }

    @ServerResponseFilter
    public void tell(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STANDING) instanceof Standing standing) {
            response.getHeaders().putSingle(LIMIT, standing.limit());
            response.getHeaders().putSingle(REMAINING, standing.remaining());
            response.getHeaders().putSingle(RESET, standing.reset());
        }
    }

    private String client() {
        Object clientId = token.getClaim(Scopes.CLIENT_CLAIM);
        return clientId != null ? clientId.toString().replace("\"", "") : identity.getPrincipal().getName();
    }

    private TokenBucket bucket(String clientId, long now) {
        RateLimitConfig.ClientLimit own = config.clients().get(clientId);
        int perMinute = own != null ? own.requestsPerMinute() : config.requestsPerMinute();
        Optional<Integer> burst = own != null ? own.burst() : config.burst();
        return new TokenBucket(burst.orElse(perMinute), perMinute, now);
    }
}
