package io.banli.kit.security;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.banli.kit.problem.Problems;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Enforces {@link RequiresScope} for {@code platform} callers. It runs after {@code @RolesAllowed} (Quarkus
 * REST checks roles before the resource's request filters), so it only ever narrows what the role allows.
 * Users of the other roles have no scopes and are not affected.
 */
public class ScopeCheck {

    public static final String INSUFFICIENT_SCOPE = "insufficient-scope";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Optional<Response> check(ResourceInfo resource) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.PLATFORM) || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        RequiresScope required = required(resource.getResourceMethod(), resource.getResourceClass());
        if (required == null) {
            return Optional.of(Problems.problem(403, INSUFFICIENT_SCOPE, "Forbidden",
                    "This operation is not open to platform clients.").toResponse());
        }
        if (!granted(token).contains(" " + required.value() + " ")) {
            return Optional.of(Problems.problem(403, INSUFFICIENT_SCOPE, "Forbidden",
                    "The token lacks the scope " + required.value() + " that this operation needs.").toResponse());
        }
        return Optional.empty();
    }

    private static RequiresScope required(Method method, Class<?> type) {
        RequiresScope onMethod = method.getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : type.getAnnotation(RequiresScope.class);
    }

    /** The granted scopes padded with spaces, so a lookup matches whole scopes only. */
    private static String granted(JsonWebToken token) {
        Object claim = token.getClaim(Scopes.CLAIM);
        if (claim == null) {
            return " ";
        }
        String text = claim.toString().replace("\"", "");
        return " " + String.join(" ", Arrays.asList(text.trim().split("\\s+"))) + " ";
    }
}
