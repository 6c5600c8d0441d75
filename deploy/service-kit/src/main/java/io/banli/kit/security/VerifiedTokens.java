package io.banli.kit.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each bearer token's signature once, not on every request. A portal or a person sends the same token
 * for many calls until it expires; profiling a member reading one item showed 57 % of the service's CPU in the
 * RSA check of that token (BigInteger arithmetic, without the server compiler's intrinsics on the client
 * compiler the services run). The same bytes verify the same way against the same keys, so a token that passed
 * is remembered by its exact text, with what it says, until the earlier of its expiry and {@value #TTL_MILLIS} ms
 * from its check: a key withdrawn from the key set stops being honoured within a minute, and every request
 * still passes the checks after this one (issuer, roles, scopes, the platform registry, asked on every call).
 * Tokens that fail are never remembered, so a flood of forged tokens costs what it cost before; at most
 * {@value #CAPACITY} tokens are kept, the expired ones dropped first, all of them when every one is current.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final long TTL_MILLIS = 60_000;

    /** A principal holds the token's claims (a few kilobytes); 1,024 of them stay well inside the heap. */
    static final int CAPACITY = 1_024;

    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo checkedWith, long until) {
    }

    private final JWTCallerPrincipalFactory verifier;
    private final LongSupplier clock;
    private final int capacity;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), System::currentTimeMillis, CAPACITY);
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, LongSupplier clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        // The same settings object, or the token is checked again: the keys or rules may differ.
        if (known != null && known.checkedWith() == context && now < known.until()) {
            return known.principal();
        }
        if (known != null) {
            verified.remove(token, known);
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        long expires = principal.getExpirationTime() * 1000;
        if (expires > now) {
            makeRoom(now);
            verified.put(token, new Verified(principal, context, Math.min(expires, now + TTL_MILLIS)));
        }
        return principal;
    }

    private void makeRoom(long now) {
        if (verified.size() < capacity) {
            return;
        }
        verified.values().removeIf(v -> v.until() <= now);
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }

    int size() {
        return verified.size();
    }
}
