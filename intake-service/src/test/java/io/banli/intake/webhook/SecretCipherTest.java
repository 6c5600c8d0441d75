package io.banli.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String OLD = "k2025:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String NEW = "k2026:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aSealedSecretOpensAndIsNotReadable() {
        SecretCipher cipher = SecretCipher.parse(OLD);
        SecretCipher.Sealed sealed = cipher.seal("whsec_abc");
        assertThat(sealed.keyId()).isEqualTo("k2025");
        assertThat(sealed.ciphertext()).doesNotContain("whsec").isNotEqualTo(cipher.seal("whsec_abc").ciphertext());
        assertThat(cipher.open(sealed)).isEqualTo("whsec_abc");
    }

    @Test
    void aNewKeyInFrontSealsNewSecretsAndOldRowsStillOpen() {
        SecretCipher.Sealed old = SecretCipher.parse(OLD).seal("whsec_old");
        SecretCipher rotated = SecretCipher.parse(NEW + "," + OLD);
        assertThat(rotated.currentKeyId()).isEqualTo("k2026");
        assertThat(rotated.open(old)).isEqualTo("whsec_old");
        SecretCipher.Sealed fresh = rotated.seal("whsec_new");
        assertThat(fresh.keyId()).isEqualTo("k2026");
        assertThat(rotated.open(fresh)).isEqualTo("whsec_new");
        // Once the old key is dropped, what it sealed no longer opens: re-seal before removing a key.
        assertThatThrownBy(() -> SecretCipher.parse(NEW).open(old)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k2025");
    }

    @Test
    void tamperingIsDetected() {
        SecretCipher cipher = SecretCipher.parse(NEW + "," + OLD);
        SecretCipher.Sealed sealed = cipher.seal("whsec_abc");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed("k2026", Base64.getEncoder().encodeToString(bytes))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("altered");
        // The key id is authenticated too: the same ciphertext named as another key's does not open.
        assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed("k2025", sealed.ciphertext())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed("k2026", "AAAA"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed("k2026", "not base64!"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyNothingIsSealedAndBadKeysStopTheStart() {
        assertThat(SecretCipher.parse(null).configured()).isFalse();
        assertThatThrownBy(() -> SecretCipher.parse("").seal("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretCipher.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.parse("no-colon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretCipher.parse(OLD + "," + OLD)).isInstanceOf(IllegalArgumentException.class);
    }
}
