package io.banli.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Production refuses the development issuer and keys, wherever the configuration puts them. */
class DevelopmentKeysTest {

    static final String REAL_ISSUER = "https://sso.example.gov.cn/realms/banli";
    /** The development public key's body, split and armoured differently from the file in deploy/platform. */
    static final String DEV_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            %s
            -----END PUBLIC KEY-----""";
    static final String OTHER_KEY = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx\n"
            + "-----END PUBLIC KEY-----";

    static final Function<String, String> NOTHING_TO_READ = location -> null;

    @Test
    void theRealIssuerWithItsJwksPasses() {
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, null, "https://sso.example.gov.cn/jwks", null),
                NOTHING_TO_READ)).isEmpty();
    }

    @Test
    void theDevelopmentIssuerIsRefused() {
        assertThat(DevelopmentKeys.violations(settings(DevelopmentKeys.DEVELOPMENT_ISSUER, null,
                "https://sso.example.gov.cn/jwks", null), NOTHING_TO_READ))
                .singleElement().asString().contains("development issuer");
    }

    @Test
    void noVerificationKeyAtAllIsRefused() {
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, null, null, null), NOTHING_TO_READ))
                .singleElement().asString().contains("no token verification key");
    }

    @Test
    void theDevelopmentPublicKeyIsRecognisedInlineOrInAFile() {
        String inline = DEV_PUBLIC_KEY.formatted(devPublicBody());
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, inline, null, null), NOTHING_TO_READ))
                .singleElement().asString().contains("development public key");

        Map<String, String> files = Map.of("file:/etc/banli/jwt.pem", inline);
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, null, "file:/etc/banli/jwt.pem", null), files::get))
                .singleElement().asString().contains("development public key");
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, null, "classpath:io/banli/platform/"
                + "dev-only-jwt-public-key.pem", null), NOTHING_TO_READ)).hasSize(1);
    }

    @Test
    void anotherKeyPasses() {
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, OTHER_KEY, null, null), NOTHING_TO_READ)).isEmpty();
        assertThat(DevelopmentKeys.isDevelopmentKey(OTHER_KEY)).isFalse();
    }

    @Test
    void intakeSigningWithTheDevelopmentPrivateKeyIsRefused() {
        String location = "classpath:io/banli/platform/dev-only-jwt-private-key.pem";
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, null, "https://sso.example.gov.cn/jwks", location),
                NOTHING_TO_READ)).singleElement().asString().contains("development private key");
        assertThat(DevelopmentKeys.violations(settings(REAL_ISSUER, null, "https://sso.example.gov.cn/jwks",
                "file:/run/secrets/platform-key.pem"), NOTHING_TO_READ)).isEmpty();
    }

    private static DevelopmentKeys.Settings settings(String issuer, String publicKey, String location, String signing) {
        return new DevelopmentKeys.Settings(issuer, Optional.ofNullable(publicKey), Optional.ofNullable(location),
                Optional.ofNullable(signing));
    }

    /** The committed development public key, read from the launcher's resources in the repository. */
    private static String devPublicBody() {
        try {
            java.nio.file.Path pem = java.nio.file.Path.of("../platform/src/main/resources/io/banli/platform/"
                    + "dev-only-jwt-public-key.pem");
            String body = java.nio.file.Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            // Re-wrapped at 40 columns: the fingerprint ignores line breaks.
            return body.replaceAll("(.{40})", "$1\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
