package io.banli.intake.platform;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.RequiresScope;

/**
 * Intake asks the registry on every call of a platform client, so a revocation or a narrowed registration takes
 * effect at once, not when the client's token expires: an unregistered or revoked client is 401; a member or unit
 * the registry no longer allows is 403, and so is the operation's scope when the registry no longer grants it. The
 * kit's scope check looks at the token's scopes; together the client gets only token scopes ∩ registered scopes.
 * It runs before that check, so a revoked client hears 401 whatever its token says.
 */
public class PlatformCallerCheck {

    /** The request property that tells the call log whose call it was. */
    static final String CLIENT_PROPERTY = "banli.platform.client-id";
    static final String MEMBER_PROPERTY = "banli.platform.member-id";

    @Inject
    PlatformCaller platform;

    @Inject
    PlatformClients clients;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Optional<String> clientId = platform.clientId();
        if (clientId.isEmpty()) {
            return null;
        }
        request.setProperty(CLIENT_PROPERTY, clientId.get());
        Optional<PlatformClient> client = clients.active(clientId.get());
        if (client.isEmpty()) {
            return Response.fromResponse(Problems.problem(401, "platform-client-not-active", "Unauthorized",
                    "The platform client named in the token is not registered or has been revoked.").toResponse())
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
        }
        PlatformClient c = client.get();
        Optional<Long> member = platform.memberId();
        member.ifPresent(id -> request.setProperty(MEMBER_PROPERTY, id));
        if (member.isPresent() && !clients.mayActForMember(c, member.get())) {
            return forbidden("The registry no longer allows this client to act for member " + member.get() + ".");
        }
        Optional<Long> unit = platform.unitId();
        if (unit.isPresent() && !clients.mayActForUnit(c, unit.get())) {
            return forbidden("The registry no longer allows this client to act for unit " + unit.get() + ".");
        }
        RequiresScope required = required(resource);
        if (required != null && !c.hasScope(required.value())) {
            return forbidden("The registry no longer grants this client the scope " + required.value() + ".");
        }
        return null;
    }

    private static Response forbidden(String detail) {
        return Problems.forbidden(detail).toResponse();
    }

    private static RequiresScope required(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
}
