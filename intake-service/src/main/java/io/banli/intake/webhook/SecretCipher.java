package io.banli.intake.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets at rest: AES-256-GCM under a key from configuration, the key's id stored beside the
 * ciphertext. Keys are configured as {@code id:base64-key} pairs, the first one sealing new secrets; adding a new
 * key in front rotates without touching old rows, which still open with the key their id names. The key id is
 * authenticated with the ciphertext, so neither can be swapped or altered unnoticed.
 */
public final class SecretCipher {

    /** A sealed secret: {@code ciphertext} is base64 of the 12-byte nonce followed by the GCM output. */
    public record Sealed(String keyId, String ciphertext) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String current;

    private SecretCipher(Map<String, SecretKey> keys) {
        this.keys = keys;
        this.current = keys.isEmpty() ? null : keys.keySet().iterator().next();
    }

    /**
     * From {@code id:base64,id:base64} (ids of letters, digits, '-' and '_'; keys of 32 bytes). An empty or absent
     * setting gives a cipher that refuses to work ({@link #configured()} false).
     */
    public static SecretCipher parse(String spec) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int colon = pair.indexOf(':');
                String id = colon < 0 ? "" : pair.substring(0, colon).trim();
                if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                    throw new IllegalArgumentException("a webhook secret key is configured as id:base64-key, "
                            + "the id of letters, digits, '-' or '_'");
                }
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(pair.substring(colon + 1).trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the webhook secret key " + id + " is not base64");
                }
                if (key.length != 32) {
                    throw new IllegalArgumentException("the webhook secret key " + id + " must be 32 bytes (AES-256)");
                }
                if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                    throw new IllegalArgumentException("the webhook secret key id " + id + " is configured twice");
                }
            }
        }
        return new SecretCipher(keys);
    }

    public boolean configured() {
        return current != null;
    }

    /** The id of the key that seals new secrets. */
    public String currentKeyId() {
        return current;
    }

    public Sealed seal(String secret) {
        if (current == null) {
            throw new IllegalStateException("no key to encrypt webhook secrets is configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(current.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(current, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The secret; refuses an unknown key id and anything altered (the GCM tag does not match). */
    public String open(Sealed sealed) {
        SecretKey key = sealed.keyId() == null ? null : keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("the webhook secret was sealed with key " + sealed.keyId()
                    + ", which is not configured (keep old keys after the current one)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
            if (bytes.length <= NONCE_BYTES) {
                throw new IllegalStateException("a sealed webhook secret is too short: altered");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a sealed webhook secret does not authenticate: altered, or another key");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed webhook secret is not base64: altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
