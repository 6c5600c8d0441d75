package io.banli.intake.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.kit.ratelimit.KeyedBuckets;

/**
 * The token endpoint's rate limits: per source address, and per client from each address. Both are taken before
 * the secret is hashed; in memory per replica, like the platform call limit: they guard each replica's CPU, which a
 * bucket of its own does without a database round trip, while the lockout that bounds guessing is shared
 * ({@link SecretLockout}).
 */
@ApplicationScoped
public class TokenRateLimit {

    private final KeyedBuckets perSource;
    private final KeyedBuckets perClient;

    @Inject
    TokenRateLimit(TokenEndpointConfig config) {
        perSource = new KeyedBuckets(config.perSourceBurst(), config.perSourcePerMinute(), config.maxTracked());
        perClient = new KeyedBuckets(config.perClientBurst(), config.perClientPerMinute(), config.maxTracked());
    }

    void takeForSource(String source) {
        KeyedBuckets.Decision decision = perSource.take(source, System.nanoTime());
        if (!decision.allowed()) {
            throw OAuthError.rateLimited(decision.retryAfterSeconds(),
                    "Too many token requests from this address; retry in " + decision.retryAfterSeconds() + " s.");
        }
    }

    void takeForClient(String clientId, String source) {
        KeyedBuckets.Decision decision = perClient.take(clientId + "\u0000" + source, System.nanoTime());
        if (!decision.allowed()) {
            throw OAuthError.rateLimited(decision.retryAfterSeconds(),
                    "Too many token requests for this client; retry in " + decision.retryAfterSeconds() + " s.");
        }
    }
}
