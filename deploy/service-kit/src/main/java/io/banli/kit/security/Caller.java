package io.banli.kit.security;

import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as far as row-level checks need it: the user, their roles, and the unit or member
 * their token is bound to. Work driven by events or the scheduler has no caller and acts as
 * {@link #SYSTEM}.
 */
@ApplicationScoped
public class Caller {

    public static final String UNIT_CLAIM = "unit_id";
    public static final String MEMBER_CLAIM = "member_id";
    /** A {@code leader}'s name as key items record their leading official (领衔领导). */
    public static final String LEADER_CLAIM = "leader_name";
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String name() {
        if (!inRequest() || identity.isAnonymous()) {
            return SYSTEM;
        }
        return identity.getPrincipal().getName();
    }

    public String roles() {
        return inRequest() ? String.join(",", new TreeSet<>(identity.getRoles())) : SYSTEM;
    }

    public boolean hasRole(String role) {
        return inRequest() && identity.hasRole(role);
    }

    /** The unit a {@code unit-staff} or {@code unit-head} token is bound to. */
    public Optional<Long> unitId() {
        return longClaim(UNIT_CLAIM);
    }

    /** The member a {@code member} token is bound to. */
    public Optional<Long> memberId() {
        return longClaim(MEMBER_CLAIM);
    }

    /** The leading official a {@code leader} token speaks for; empty for any other caller. */
    public Optional<String> leaderName() {
        if (!inRequest() || identity.isAnonymous() || token.getClaim(LEADER_CLAIM) == null) {
            return Optional.empty();
        }
        return Optional.of(token.getClaim(LEADER_CLAIM).toString().replace("\"", ""));
    }

    private Optional<Long> longClaim(String name) {
        if (!inRequest() || identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.toString().replace("\"", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean inRequest() {
        return Arc.container().requestContext().isActive();
    }
}
