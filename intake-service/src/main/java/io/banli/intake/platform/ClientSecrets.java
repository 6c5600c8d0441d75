package io.banli.intake.platform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Client secrets: 32 random bytes shown once, kept only as a salted PBKDF2 hash. The stored form names its
 * algorithm and cost ({@code pbkdf2-sha256$iterations$salt$hash}) so the cost can be raised later without
 * invalidating the secrets already issued.
 */
@ApplicationScoped
public class ClientSecrets {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Below this a hash is no obstacle at all; the setting may not go lower. */
    static final int MIN_ITERATIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The secret is 256 random bits, so no guessing attack depends on the cost; it only makes a stolen table
     * dearer to test. Kept moderate because every token request pays it (60,000: about 13 ms). The tests
     * lower it: a JVM on the client compiler takes 115 ms per hash.
     */
    @ConfigProperty(name = "banli.platform.secret-hash-iterations", defaultValue = "60000")
    int iterations;

    /** Hashed when the client id is unknown, so an unknown id costs as long as a wrong secret. */
    private String decoy;

    @PostConstruct
    void start() {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalStateException("banli.platform.secret-hash-iterations must be at least " + MIN_ITERATIONS);
        }
        decoy = hash("decoy");
    }

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    String hash(String secret) {
        return hash(secret, iterations);
    }

    static String hash(String secret, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + iterations + "$" + b64(salt) + "$" + b64(derive(secret, salt, iterations));
    }

    /** Compares in constant time; a null or malformed hash never matches. */
    static boolean matches(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(secret, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one check without any secret to check. */
    void decoy(String secret) {
        matches(secret == null ? "" : secret, decoy);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
