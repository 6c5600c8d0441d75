package io.banli.kit.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Checks a bearer token's issuer against {@link TrustedIssuers}. SmallRye JWT compares {@code iss} with a single
 * value only, so {@code mp.jwt.verify.issuer} is left unset and this check, which runs on every authenticated
 * request, takes its place: a token of any other issuer is refused with 401 like a bad signature.
 */
@ApplicationScoped
public class IssuerCheck implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "banli.jwt.issuer")
    String identityProvider;

    @ConfigProperty(name = "banli.platform.issuer")
    String platformTokens;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (new TrustedIssuers(identityProvider, platformTokens).accepts(token.getIssuer(), identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("The token's issuer is not trusted."));
    }
}
