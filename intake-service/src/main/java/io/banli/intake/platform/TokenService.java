package io.banli.intake.platform;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.intake.member.Member;
import io.banli.intake.platform.TokenApi.IssuedToken;
import io.banli.intake.platform.TokenApi.TokenRequest;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.security.SourceAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The client-credentials grant: limits, authentication, the scopes, member and unit the registry allows, the
 * token, and its audit entry. Refusals are {@link OAuthError}s, which the token endpoint answers as OAuth does.
 * No transaction spans the secret's hashing: each write (a refusal, a lockout, the issued token) commits on its own.
 */
@ApplicationScoped
public class TokenService {

    @Inject
    ClientAuthentication authentication;

    @Inject
    PlatformClients clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenRateLimit rateLimit;

    @Inject
    AuditLog audit;

    public IssuedToken issue(TokenRequest request) {
        String source = SourceAddress.current().orElse("unknown");
        rateLimit.takeForSource(source);
        PlatformClient client = authentication.authenticate(request.authorization(), request.clientId(),
                request.clientSecret(), source);
        String grantType = request.grantType();
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type is missing.");
        }
        if (!grantType.equals("client_credentials")) {
            throw OAuthError.unsupportedGrantType("Only client_credentials is supported.");
        }
        TokenIssuer.Grant grant = new TokenIssuer.Grant(client.clientId, scopes(client, request.scope()),
                member(client, request.memberId()), unit(client, request.unitId()));
        TokenIssuer.Issued issued = issuer.issue(grant);
        QuarkusTransaction.requiringNew().run(() -> audit.record("platform-client.token-issued",
                PlatformClientService.SUBJECT, client.clientId, "scopes=" + grant.scopes() + ", memberId="
                        + grant.memberId() + ", unitId=" + grant.unitId() + ", expiresIn=" + issued.expiresIn() + "s"));
        return new IssuedToken(issued.token(), issued.expiresIn(), grant.scopes());
    }

    /** A subset of the registered scopes; all of them when none is asked for. */
    private static List<String> scopes(PlatformClient client, String requested) {
        if (requested == null || requested.isBlank()) {
            return List.copyOf(client.scopes);
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+")));
        List<String> refused = asked.stream().filter(s -> !client.hasScope(s)).toList();
        if (!refused.isEmpty()) {
            throw OAuthError.invalidScope(String.join(" ", refused) + " is not registered for this client.");
        }
        return List.copyOf(asked);
    }

    private Long member(PlatformClient client, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            return null;
        }
        long id = number("member_id", memberId);
        if (Member.findById(id) == null || !clients.mayActForMember(client, id)) {
            throw OAuthError.invalidRequest("The registry does not allow this client to act for member " + id + ".");
        }
        return id;
    }

    private Long unit(PlatformClient client, String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return null;
        }
        long id = number("unit_id", unitId);
        if (!clients.mayActForUnit(client, id)) {
            throw OAuthError.invalidRequest("The registry does not allow this client to act for unit " + id + ".");
        }
        return id;
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw OAuthError.invalidRequest(field + " must be a number.");
        }
    }
}
