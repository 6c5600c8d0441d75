package io.banli.intake.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stored form of a client secret: each hash carries its own cost, so a changed setting breaks no secret. */
class ClientSecretsTest {

    @Test
    void aSecretMatchesItsHashWhateverCostItWasHashedAt() {
        String secret = ClientSecrets.generate();
        String cheap = ClientSecrets.hash(secret, 1_000);
        String dear = ClientSecrets.hash(secret, 60_000);

        assertThat(cheap).startsWith("pbkdf2-sha256$1000$").doesNotContain(secret);
        assertThat(dear).startsWith("pbkdf2-sha256$60000$");
        assertThat(ClientSecrets.matches(secret, cheap)).isTrue();
        assertThat(ClientSecrets.matches(secret, dear)).isTrue();
        assertThat(ClientSecrets.matches(secret + "x", cheap)).isFalse();
        assertThat(ClientSecrets.hash(secret, 1_000)).as("salted").isNotEqualTo(cheap);
    }

    @Test
    void aMalformedOrMissingHashNeverMatches() {
        assertThat(ClientSecrets.matches("s", null)).isFalse();
        assertThat(ClientSecrets.matches(null, ClientSecrets.hash("s", 1_000))).isFalse();
        assertThat(ClientSecrets.matches("s", "bcrypt$10$abc$def")).isFalse();
        assertThat(ClientSecrets.matches("s", "pbkdf2-sha256$1000$onlysalt")).isFalse();
    }

    @Test
    void aCostBelowTheFloorIsRefusedAtStart() {
        ClientSecrets secrets = new ClientSecrets();
        secrets.iterations = ClientSecrets.MIN_ITERATIONS - 1;
        assertThatThrownBy(secrets::start).hasMessageContaining("at least 1000");
    }
}
