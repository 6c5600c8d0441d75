package io.banli.intake.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Scopes;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.logging.Log;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * Signs platform tokens with the same claims an external identity provider would issue, under intake's own issuer
 * name, so every service verifies them the same way. Without a signing key (production with a real identity provider) intake issues none.
 */
@ApplicationScoped
public class TokenIssuer {

    @ConfigProperty(name = "banli.platform.token-signing-key")
    Optional<String> signingKey;

    @ConfigProperty(name = "banli.platform.token-key-id")
    Optional<String> keyId;

    @ConfigProperty(name = "banli.platform.token-lifetime", defaultValue = "PT5M")
    Duration lifetime;

    /**
     * Intake's own issuer name, never the identity provider's: a platform token says who issued it, and the services
     * accept this issuer for the platform role only (io.banli.kit.security.TrustedIssuers).
     */
    @ConfigProperty(name = "banli.platform.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "banli")
    List<String> audiences;

    private static final String CLASSPATH = "classpath:";

    private volatile PrivateKey key;

    public record Grant(String clientId, List<String> scopes, Long memberId, Long unitId) {
    }

    public record Issued(String token, long expiresIn) {
    }

    public Issued issue(Grant grant) {
        // Timestamps come from the system time on purpose: every verifier checks exp against its own system time,
        // not against intake's business clock (which tests and drills may shift).
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(audiences.get(0))
                .subject(grant.clientId())
                .upn(grant.clientId())
                .groups(Set.of(Roles.PLATFORM))
                .claim(Scopes.CLIENT_CLAIM, grant.clientId())
                .claim(Scopes.CLAIM, String.join(" ", grant.scopes()))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        if (grant.memberId() != null) {
            claims.claim(Caller.MEMBER_CLAIM, String.valueOf(grant.memberId()));
        }
        if (grant.unitId() != null) {
            claims.claim(Caller.UNIT_CLAIM, String.valueOf(grant.unitId()));
        }
        var jws = claims.jws();
        keyId.ifPresent(jws::keyId);
        return new Issued(jws.sign(key()), lifetime.toSeconds());
    }

    /** Read once; a PEM given inline (an environment variable) or a location (classpath:, file:, https:). */
    private PrivateKey key() {
        PrivateKey loaded = key;
        if (loaded != null) {
            return loaded;
        }
        String configured = signingKey.filter(s -> !s.isBlank()).orElseThrow(TokenIssuer::unavailable);
        try {
            String pem = configured.strip().startsWith("-----BEGIN") ? configured : read(configured);
            loaded = pem == null ? null : KeyUtils.decodePrivateKey(pem);
        } catch (Exception e) {
            Log.errorf("The platform token signing key at banli.platform.token-signing-key cannot be read: %s",
                    e.toString());
            throw unavailable();
        }
        if (loaded == null) {
            throw unavailable();
        }
        key = loaded;
        return loaded;
    }

    private static String read(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String path = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        return ResourceUtils.readResource(location);
    }

    private static RuntimeException unavailable() {
        return Problems.problem(503, "token-issuance-unavailable", "Service Unavailable",
                "Intake issues no tokens here: tokens are issued by the identity provider.");
    }
}
