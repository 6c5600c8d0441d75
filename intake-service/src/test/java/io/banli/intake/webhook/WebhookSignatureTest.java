package io.banli.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code Banli-Signature} header a receiver checks, against vectors computed outside Java. */
class WebhookSignatureTest {

    static final String BODY = "{\"id\":1}";

    @Test
    void theSignatureIsTheHexHmacOfTheTimestampADotAndTheBody() {
        // HMAC-SHA256("whsec_test", "1700000000.{\"id\":1}"), as openssl dgst -sha256 -hmac computes it.
        assertThat(WebhookSignature.header(1_700_000_000L, BODY, "whsec_test", null)).isEqualTo(
                "t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8");
    }

    @Test
    void duringARotationTheOldSecretSignsTooAfterTheNewOne() {
        assertThat(WebhookSignature.header(1_700_000_000L, BODY, "whsec_test", "whsec_old")).isEqualTo(
                "t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8"
                        + ",v1=19ba26ec17fc1d669efd043b897a630ed12f38e7ad371c6b410f5e93155c5a8e");
    }

    @Test
    void theTimestampAndEveryByteOfTheBodyAreSigned() {
        String signed = WebhookSignature.hmac("whsec_test", "1700000000." + BODY);
        assertThat(WebhookSignature.hmac("whsec_test", "1700000001." + BODY)).isNotEqualTo(signed);
        assertThat(WebhookSignature.hmac("whsec_test", "1700000000.{\"id\":2}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.hmac("whsec_other", "1700000000." + BODY)).isNotEqualTo(signed);
        assertThat(signed).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesBehindItsPrefix() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        // 32 bytes in base64url without padding are 43 characters.
        assertThat(secret.substring("whsec_".length())).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
