package io.banli.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signs bearer tokens with the DEVELOPMENT-ONLY key pair kept next to this class. The local run
 * and the tests use it; production verifies tokens of its real issuer, configured by the ops
 * team, and never sees this key.
 */
public final class DevTokens {

    public static final String ISSUER = "https://banli.dev/development-only";
    public static final String AUDIENCE = "banli";

    private DevTokens() {
    }

    /** The public half, in PEM, for {@code mp.jwt.verify.publickey}. */
    public static String publicKeyPem() {
        return resource("dev-only-jwt-public-key.pem");
    }

    /** The private half, in PEM: intake signs platform clients' tokens with it in the local run and end to end. */
    public static String privateKeyPem() {
        return resource("dev-only-jwt-private-key.pem");
    }

    /**
     * @param claims extra claims such as {@code unit_id} or {@code member_id}; values are strings
     */
    public static String sign(String user, String role, Map<String, String> claims, Duration lifetime) {
        return sign(ISSUER, AUDIENCE, user, role, claims, lifetime);
    }

    /** A token for another issuer or audience: tests use it to see such tokens refused. */
    public static String sign(String issuer, String audience, String user, String role, Map<String, String> claims,
            Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", audience);
        payload.put("sub", user);
        payload.put("upn", user);
        payload.put("groups", new String[] {role});
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(lifetime).getEpochSecond());
        payload.putAll(claims);
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"banli-dev\"}");
        String signingInput = header + "." + base64Url(json(payload));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String user, String role, Map<String, String> claims) {
        return sign(user, role, claims, Duration.ofHours(12));
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        String pem = resource("dev-only-jwt-private-key.pem")
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String json(Map<String, Object> claims) {
        return claims.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof String[] array) {
            return java.util.Arrays.stream(array).map(DevTokens::quote).collect(Collectors.joining(",", "[", "]"));
        }
        return quote(String.valueOf(value));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64Url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
