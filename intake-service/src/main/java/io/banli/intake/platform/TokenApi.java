package io.banli.intake.platform;

import java.util.List;

/** What the token endpoint hands its service and gets back; the endpoint writes the OAuth answer itself. */
public final class TokenApi {

    private TokenApi() {
    }

    /** What a token request sends, authentication included. */
    public record TokenRequest(String authorization, String grantType, String clientId, String clientSecret,
            String scope, String memberId, String unitId) {
    }

    /** The issued token and the scopes it carries. */
    public record IssuedToken(String accessToken, long expiresIn, List<String> scopes) {
    }
}
