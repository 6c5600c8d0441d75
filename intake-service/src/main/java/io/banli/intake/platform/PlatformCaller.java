package io.banli.intake.platform;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;

/** The platform client behind a request, as its token names it: {@code client_id}, else {@code sub}. */
@ApplicationScoped
public class PlatformCaller {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    PlatformClients clients;

    /** Empty unless the caller has the {@code platform} role. */
    public Optional<String> clientId() {
        if (!caller.hasRole(Roles.PLATFORM)) {
            return Optional.empty();
        }
        return clientId(token);
    }

    public Optional<Long> memberId() {
        return caller.memberId();
    }

    /**
     * The registered grant of the calling platform, read from the registry on every call (a narrowed registration
     * applies at once); empty unless the caller has the {@code platform} role, {@link PlatformGrant#NOTHING} for a
     * client that is not registered or revoked.
     */
    public Optional<PlatformGrant> grant() {
        return clientId().map(id -> clients.active(id).map(PlatformGrant::of).orElse(PlatformGrant.NOTHING));
    }

    public Optional<Long> unitId() {
        return caller.unitId();
    }

    /** The same for an identity already established, without touching the request's (possibly lazy) one. */
    static Optional<String> clientId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !identity.hasRole(Roles.PLATFORM)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return clientId(jwt);
    }

    private static Optional<String> clientId(JsonWebToken jwt) {
        Object claim = jwt.getClaim(Scopes.CLIENT_CLAIM);
        String id = claim != null ? claim.toString().replace("\"", "") : jwt.getSubject();
        return Optional.ofNullable(id).filter(s -> !s.isBlank());
    }

    static Optional<Long> memberId(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getClaim(Caller.MEMBER_CLAIM) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(jwt.getClaim(Caller.MEMBER_CLAIM).toString().replace("\"", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
