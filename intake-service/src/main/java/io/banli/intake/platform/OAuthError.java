package io.banli.intake.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error of the token endpoint in the shape OAuth clients expect (RFC 6749 §5.2), not problem+json: client
 * libraries read {@code error}. Every error is 400 except {@code invalid_client}, which is 401 with a challenge, and
 * a rate limit, which is 429 with {@code Retry-After}.
 */
final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;
    private final long retryAfter;

    private OAuthError(int status, String error, String description) {
        this(status, error, description, 0);
    }

    private OAuthError(int status, String error, String description, long retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    /**
     * Over a rate limit: 429 with {@code Retry-After}. RFC 6749 has no code for it at the token endpoint;
     * {@code temporarily_unavailable} (its §4.1.2.1) is the one clients know to retry later.
     */
    static OAuthError rateLimited(long retryAfterSeconds, String description) {
        return new OAuthError(429, "temporarily_unavailable", description, retryAfterSeconds);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description);
    }

    String error() {
        return error;
    }

    Response toResponse() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", getMessage());
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (status == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"banli\"");
        }
        if (retryAfter > 0) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }
}
