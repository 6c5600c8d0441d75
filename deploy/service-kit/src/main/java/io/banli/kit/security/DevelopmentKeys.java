package io.banli.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule of {@link DevelopmentKeyGuard}: which configurations must not run in production. The development key
 * pair is public (it is in the repository), so a service that trusts it accepts tokens anyone can sign, and an
 * intake that signs with it issues tokens anyone can forge. Keys are recognised by the SHA-256 of their Base64
 * body, wherever they are read from; the issuer by its name.
 */
public final class DevelopmentKeys {

    public static final String DEVELOPMENT_ISSUER = "https://banli.dev/development-only";
    /** SHA-256 of the Base64 body (no armour, no whitespace) of the development public and private keys. */
    static final Set<String> FINGERPRINTS = Set.of(
            "66f79d1ab731e22d5cececbb9d38e2eeefff8ff915dd316ad6fefffebadf1870",
            "5b9d80572c622c6f6355093ac09295a8c7d0676d5724e21f07039dc3758bd2cb");

    /** The settings the rule reads; a location is a {@code classpath:}, {@code file:} or {@code https:} address. */
    public record Settings(String issuer, Optional<String> publicKey, Optional<String> publicKeyLocation,
            Optional<String> signingKey) {
    }

    private DevelopmentKeys() {
    }

    /**
     * What is wrong, one sentence each; empty when the settings may run in production.
     *
     * @param read reads a key location; answers null for a remote location (a JWKS URL) or one it cannot read
     */
    public static List<String> violations(Settings settings, Function<String, String> read) {
        List<String> found = new ArrayList<>();
        if (DEVELOPMENT_ISSUER.equals(settings.issuer())) {
            found.add("banli.jwt.issuer (BANLI_JWT_ISSUER) is the development issuer " + DEVELOPMENT_ISSUER);
        }
        Optional<String> publicKey = settings.publicKey().filter(s -> !s.isBlank());
        Optional<String> location = settings.publicKeyLocation().filter(s -> !s.isBlank());
        if (publicKey.isEmpty() && location.isEmpty()) {
            found.add("no token verification key: set mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)");
        }
        if (publicKey.map(DevelopmentKeys::isDevelopmentKey).orElse(false)
                || location.map(l -> isDevelopmentLocation(l, read)).orElse(false)) {
            found.add("tokens are verified with the development public key (mp.jwt.verify.publickey*)");
        }
        Optional<String> signing = settings.signingKey().filter(s -> !s.isBlank());
        if (signing.map(s -> s.strip().startsWith("-----BEGIN") ? isDevelopmentKey(s) : isDevelopmentLocation(s, read))
                .orElse(false)) {
            found.add("intake signs platform tokens with the development private key "
                    + "(banli.platform.token-signing-key, BANLI_PLATFORM_TOKEN_SIGNING_KEY)");
        }
        return found;
    }

    static boolean isDevelopmentKey(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return FINGERPRINTS.contains(sha256(body));
    }

    private static boolean isDevelopmentLocation(String location, Function<String, String> read) {
        if (location.contains("dev-only-jwt")) {
            return true;
        }
        String content = read.apply(location);
        return content != null && isDevelopmentKey(content);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
