package io.banli.intake.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A platform client's wish to be told of events: which types, at which URL, optionally narrowed to some of
 * the members and units its registration covers. Every delivery is signed with its secret.
 */
@Entity
public class WebhookSubscription extends PanacheEntityBase {

    public enum State {
        /** Deliveries go out. */
        ACTIVE,
        /** The failure budget is spent: deliveries queue until the client resumes it. */
        PAUSED,
        /** Deleted by the client: nothing more is queued. */
        STOPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String clientId;

    public String callbackUrl;

    /** Short names, see {@link WebhookEventTypes}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes = new ArrayList<>();

    /** Empty: every member the client's registration covers. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Long> memberIds = new ArrayList<>();

    /** Empty: every unit the client's registration covers. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Long> unitIds = new ArrayList<>();

    /** The signing secret, sealed ({@link SecretCipher}): never stored readable. */
    public String secretCiphertext;

    /** The key that sealed {@link #secretCiphertext}. */
    public String secretKeyId;

    public String previousSecretCiphertext;

    public String previousSecretKeyId;

    public Instant previousSecretValidUntil;

    @Enumerated(EnumType.STRING)
    public State state;

    public int consecutiveFailures;

    public Instant failingSince;

    public Instant pausedAt;

    public Instant createdAt;

    public Instant stoppedAt;

    @Version
    public long version;

    void secret(SecretCipher.Sealed sealed) {
        secretCiphertext = sealed.ciphertext();
        secretKeyId = sealed.keyId();
    }

    SecretCipher.Sealed secret() {
        return new SecretCipher.Sealed(secretKeyId, secretCiphertext);
    }

    /** The previous secret if it still signs at {@code now}, as a rotation's grace allows. */
    java.util.Optional<SecretCipher.Sealed> previousSecret(Instant now) {
        if (previousSecretCiphertext == null || previousSecretValidUntil == null || !now.isBefore(previousSecretValidUntil)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SecretCipher.Sealed(previousSecretKeyId, previousSecretCiphertext));
    }
}
