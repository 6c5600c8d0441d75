package io.banli.kit.security;

import java.util.Set;

/**
 * Which tokens the services accept by their issuer: the identity provider's, with any role, and intake's own
 * platform tokens, which may carry the {@code platform} role and nothing else. A platform token therefore never
 * passes for a person, even if intake's signing key were misused, and intake's tokens are told apart from the
 * identity provider's by their {@code iss}.
 */
public record TrustedIssuers(String identityProvider, String platformTokens) {

    public boolean accepts(String issuer, Set<String> roles) {
        if (issuer == null) {
            return false;
        }
        if (issuer.equals(identityProvider)) {
            return true;
        }
        return issuer.equals(platformTokens) && roles.equals(Set.of(Roles.PLATFORM));
    }
}
