package io.banli.intake.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.audit.AuditResult;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Who is asking for a token (RFC 6749 §2.3.1): HTTP Basic or {@code client_id}/{@code client_secret} form fields,
 * never both. Every failure is the same {@code invalid_client}, whether the id is unknown, the client revoked or the
 * secret wrong, and costs the same time, so the answer does not tell which ids exist. The rate limits and the
 * lockout are checked before the secret is hashed; refusals of a registered client are audited with the address.
 */
@ApplicationScoped
public class ClientAuthentication {

    @Inject
    SecretLockout lockout;

    @Inject
    TokenRateLimit rateLimit;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ClientSecrets secrets;

    PlatformClient authenticate(String authorization, String formId, String formSecret, String source) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && formSecret != null) {
            throw OAuthError.invalidRequest("Use one way of client authentication: HTTP Basic or the form fields.");
        }
        String id;
        String secret;
        if (basic) {
            String[] pair = basicPair(authorization.substring(6).trim());
            id = pair[0];
            secret = pair[1];
            if (formId != null && !formId.equals(id)) {
                throw OAuthError.invalidRequest("client_id differs from the client authenticated by HTTP Basic.");
            }
        } else {
            id = formId;
            secret = formSecret;
        }
        if (id == null || id.isBlank() || secret == null || secret.isEmpty()) {
            throw OAuthError.invalidClient("Client authentication is missing.");
        }
        rateLimit.takeForClient(id, source);
        if (lockout.locked(id, source)) {
            Log.infof("Token request of platform client %s refused: locked after repeated wrong secrets", id);
            throw OAuthError.invalidClient("Too many failed attempts for this client from this address; try again "
                    + "in 10 minutes.");
        }
        PlatformClient client = PlatformClient.findById(id);
        if (client == null) {
            secrets.decoy(secret);
            throw OAuthError.invalidClient("Client authentication failed.");
        }
        if (!client.active() || !secretMatches(client, secret)) {
            lockout.failed(id, source);
            String reason = client.active() ? "wrong or expired secret" : "revoked";
            Log.infof("Token request of platform client %s refused: %s", id, reason);
            QuarkusTransaction.requiringNew().run(() -> audit.record("platform-client.token-refused",
                    PlatformClientService.SUBJECT, id, reason, AuditResult.DENIED));
            throw OAuthError.invalidClient("Client authentication failed.");
        }
        lockout.succeeded(id, source);
        return client;
    }

    /** The current secret, or the previous one until the rotation's grace ends. */
    private boolean secretMatches(PlatformClient client, String secret) {
        if (ClientSecrets.matches(secret, client.secretHash)) {
            return true;
        }
        return client.previousSecretHash != null && client.previousSecretValidUntil != null
                && clock.instant().isBefore(client.previousSecretValidUntil)
                && ClientSecrets.matches(secret, client.previousSecretHash);
    }

    /** Both halves are form-encoded before Base64 (RFC 6749 §2.3.1). */
    private static String[] basicPair(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("The Basic credentials have no ':'.");
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("The Basic credentials cannot be read.");
        }
    }
}
