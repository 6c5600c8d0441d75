package io.banli.reporting.platform;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.banli.kit.sql.Sql;

/** The calling platform client and what the registry, as intake last announced it, grants it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlatformGrants {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    /** The client the token names ({@code client_id}, else {@code sub}); empty unless the caller is a platform. */
    public Optional<String> clientId() {
        if (!caller.hasRole(Roles.PLATFORM)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(Scopes.CLIENT_CLAIM);
        String id = claim != null ? claim.toString().replace("\"", "") : token.getSubject();
        return Optional.ofNullable(id).filter(s -> !s.isBlank());
    }

    /** Whether the client is registered and not revoked. */
    public boolean active(String clientId) {
        return !Sql.of(em, "select 1 from platform_grant where client_id = :c and status = 'ACTIVE'")
                .bind("c", clientId).list().isEmpty();
    }

    public boolean hasScope(String clientId, String scope) {
        return !Sql.of(em, "select 1 from platform_grant where client_id = :c and cast(:scope as text) = any(scopes)")
                .bind("c", clientId).bind("scope", scope).list().isEmpty();
    }

    /** All members, the member by id, or a member of one of its delegations (the member's as intake announced it). */
    public boolean mayActForMember(String clientId, long memberId) {
        List<Object> rows = Sql.of(em, """
                select 1 from platform_grant g where g.client_id = :c and g.status = 'ACTIVE'
                  and (g.all_members or cast(:m as bigint) = any(g.member_ids)
                       or exists (select 1 from progress_member pm where pm.member_id = :m
                                  and pm.delegation = any(g.delegations)))""")
                .bind("c", clientId).bind("m", memberId).list();
        return !rows.isEmpty();
    }

    public boolean mayActForUnit(String clientId, long unitId) {
        return !Sql.of(em, "select 1 from platform_grant where client_id = :c and cast(:u as bigint) = any(unit_ids)")
                .bind("c", clientId).bind("u", unitId).list().isEmpty();
    }
}
