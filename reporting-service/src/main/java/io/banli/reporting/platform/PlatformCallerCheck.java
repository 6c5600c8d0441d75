package io.banli.reporting.platform;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.RequiresScope;

/**
 * A platform's call to a {@link RegistryChecked} operation is checked against the registry's grant on every
 * request, as intake checks its own (intake's PlatformCallerCheck), so a revocation or a narrowed grant applies as
 * soon as reporting has read intake's announcement of it: an unregistered or revoked client is 401; a member or unit
 * the grant does not cover is 403, and so is the operation's scope when the grant lacks it. It runs before the
 * kit's scope check, so a revoked client hears 401 whatever its token says.
 */
public class PlatformCallerCheck {

    @Inject
    PlatformGrants grants;

    @Inject
    Caller caller;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (!checked(resource)) {
            return null;
        }
        Optional<String> clientId = grants.clientId();
        if (clientId.isEmpty()) {
            return null;
        }
        String c = clientId.get();
        if (!grants.active(c)) {
            return Response.fromResponse(Problems.problem(401, "platform-client-not-active", "Unauthorized",
                    "The platform client named in the token is not registered or has been revoked.").toResponse())
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
        }
        Optional<Long> member = caller.memberId();
        if (member.isPresent() && !grants.mayActForMember(c, member.get())) {
            return forbidden("The registry no longer allows this client to act for member " + member.get() + ".");
        }
        Optional<Long> unit = caller.unitId();
        if (unit.isPresent() && !grants.mayActForUnit(c, unit.get())) {
            return forbidden("The registry no longer allows this client to act for unit " + unit.get() + ".");
        }
        RequiresScope required = required(resource);
        if (required != null && !grants.hasScope(c, required.value())) {
            return forbidden("The registry no longer grants this client the scope " + required.value() + ".");
        }
        return null;
    }

    private static Response forbidden(String detail) {
        return Problems.forbidden(detail).toResponse();
    }

    private static boolean checked(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(RegistryChecked.class)
                        || resource.getResourceClass().isAnnotationPresent(RegistryChecked.class));
    }

    private static RequiresScope required(ResourceInfo resource) {
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
}
