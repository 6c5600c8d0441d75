package io.banli.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/** Signatures checked once per token: real RSA keys, real tokens, SmallRye's own verifier behind the memory. */
class VerifiedTokensTest {

    static final long NOW_SECONDS = System.currentTimeMillis() / 1000;

    KeyPair keys;
    JWTAuthContextInfo context;
    final AtomicInteger checks = new AtomicInteger();
    final AtomicLong clock = new AtomicLong(NOW_SECONDS * 1000);
    VerifiedTokens tokens;

    @BeforeEach
    void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        context = new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), null);
        tokens = withCapacity(VerifiedTokens.CAPACITY);
    }

    VerifiedTokens withCapacity(int capacity) {
        DefaultJWTCallerPrincipalFactory real = new DefaultJWTCallerPrincipalFactory();
        JWTCallerPrincipalFactory counting = new JWTCallerPrincipalFactory() {
            @Override
            public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
                checks.incrementAndGet();
                return real.parse(token, info);
            }
        };
        return new VerifiedTokens(counting, clock::get, capacity);
    }

    String token(String subject, long expiresInSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://banli.dev/development-only");
        claims.setSubject(subject);
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(NOW_SECONDS));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(NOW_SECONDS + expiresInSeconds));
        claims.setStringListClaim("groups", List.of("member"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void aTokenIsVerifiedOnceAndAnswersTheSameClaimsAfterwards() throws Exception {
        String token = token("member-7", 3600);

        JWTCallerPrincipal first = tokens.parse(token, context);
        JWTCallerPrincipal again = tokens.parse(token, context);

        assertThat(checks).hasValue(1);
        assertThat(again.getSubject()).isEqualTo("member-7").isEqualTo(first.getSubject());
        assertThat(again.getGroups()).containsExactly("member");
    }

    @Test
    void aForgedTokenIsRefusedEveryTimeAndNeverRemembered() throws Exception {
        String token = token("member-7", 3600);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> tokens.parse(forged, context)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(forged, context)).isInstanceOf(ParseException.class);

        assertThat(checks).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenIsCheckedAgainOnceItExpiresOrAMinuteHasPassed() throws Exception {
        String shortLived = token("member-1", 30);
        String longLived = token("member-2", 3600);
        tokens.parse(shortLived, context);
        tokens.parse(longLived, context);

        clock.addAndGet(30_000); // the short-lived token's expiry: never answered from memory from here on
        tokens.parse(shortLived, context);
        tokens.parse(longLived, context);
        assertThat(checks).hasValue(3); // the short-lived one checked again, the long-lived one still remembered
        assertThat(tokens.size()).isEqualTo(1);

        clock.addAndGet(VerifiedTokens.TTL_MILLIS - 30_000); // a minute after its check
        tokens.parse(longLived, context);
        assertThat(checks).hasValue(4);
    }

    @Test
    void otherVerificationSettingsCheckTheTokenAgain() throws Exception {
        String token = token("member-7", 3600);
        tokens.parse(token, context);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        JWTAuthContextInfo rotated = new JWTAuthContextInfo((RSAPublicKey) generator.generateKeyPair().getPublic(), null);

        assertThatThrownBy(() -> tokens.parse(token, rotated)).isInstanceOf(ParseException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void memoryIsBounded() throws Exception {
        VerifiedTokens small = withCapacity(3);
        for (int i = 0; i < 10; i++) {
            small.parse(token("member-" + i, 3600), context);
            assertThat(small.size()).isLessThanOrEqualTo(3);
        }
        String kept = token("member-kept", 3600);
        small.parse(kept, context);
        int before = checks.get();
        small.parse(kept, context);
        assertThat(checks).hasValue(before);
    }
}
