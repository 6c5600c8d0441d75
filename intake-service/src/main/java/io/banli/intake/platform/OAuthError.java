package io.banli.intake.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error of the token endpoint in the shape OAuth clients expect (RFC 6749 §5.2), not problem+json: client
 * libraries read {@code error}. Every error is 400 except {@code invalid_client}, which is 401 with a challenge.
 */
final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    private OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
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
        return response.build();
    }
}
