package io.banli.intake.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.platform.TokenApi.IssuedToken;
import io.banli.intake.platform.TokenApi.TokenRequest;

@Path("/api/v1/oauth2/token")
@Tag(name = "Platform clients")
public class TokenResource {

    private static final String OAUTH_ERROR = """
            {"error": "invalid_scope", "error_description": "statistics:read is not registered for this client."}""";

    @Inject
    TokenService tokens;

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a platform token (OAuth 2.0 client credentials)", description = """
            RFC 6749 §4.4. The client authenticates with HTTP Basic (`client_id:client_secret`, each form-encoded)
            or with the form fields `client_id` and `client_secret`, never both. `scope` (space separated) must be a
            subset of the registered scopes (default: all of them); `member_id` and `unit_id` are granted only when
            the registry lets the client act for that member or unit. The token (RS256, `iss` intake's own issuer, `aud` banli, `sub` and
            `client_id` the client, `groups` [platform], `scope`, `member_id`/`unit_id` when granted) lives 5 minutes
            by default; intake checks the registry on every call, the other services trust it until it expires.

            This endpoint follows OAuth, not problem+json: its own errors are RFC 6749 §5.2 JSON objects
            (`invalid_client` 401 with `WWW-Authenticate`; `invalid_request`, `invalid_scope`,
            `unsupported_grant_type` 400), because OAuth client libraries read `error`. Before any secret is checked,
            requests are limited per source address (120 a minute) and per client from each address (30 a minute,
            20 at once): over it, 429 `temporarily_unavailable` with `Retry-After`. After 10 wrong secrets for one
            client from one address within 10 minutes, that address's requests for that client are refused for
            10 minutes; the client keeps working from its own address. Where tokens come from an external identity
            provider, intake has no signing key and answers 503.""")
    // A form's example is an object of its fields, but the scanner keeps a non-JSON example as a string: the
    // example of this body is in META-INF/openapi.yaml, which is merged with what the annotations say.
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED))
    @APIResponse(responseCode = "200", description = "The token; `Cache-Control: no-store`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse"),
                    examples = @ExampleObject(name = "token", value = """
            {"access_token": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwYy03a3EybTl4YSJ9.c2lnbmF0dXJl", "token_type": "Bearer",
             "expires_in": 300, "scope": "submissions:write submissions:read"}""")))
    @APIResponse(responseCode = "400", description = "OAuth error (application/json): `invalid_request` (no grant "
            + "type, a member or unit the registry does not allow, two ways of authentication), `invalid_scope`, "
            + "`unsupported_grant_type`. problem+json only when the body is not a readable form.", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError"),
                            examples = @ExampleObject(name = "scope", value = OAUTH_ERROR)),
                    @Content(mediaType = "application/problem+json")})
    @APIResponse(responseCode = "401", description = "OAuth `invalid_client` (application/json, with "
            + "`WWW-Authenticate: Basic`): unknown or revoked client, wrong or rotated-out secret, or locked after "
            + "repeated failures. problem+json only when an invalid bearer token was sent along (none is needed).",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError"),
                            examples = @ExampleObject(name = "client", value = """
                            {"error": "invalid_client", "error_description": "Client authentication failed."}""")),
                    @Content(mediaType = "application/problem+json")})
    @APIResponse(responseCode = "429", description = "OAuth `temporarily_unavailable` (application/json) with "
            + "`Retry-After`: too many requests from this address, or for this client from it. problem+json only when "
            + "a platform's bearer token was sent along and that client is over its call limit.", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError"),
                            examples = @ExampleObject(name = "slow", value = """
                            {"error": "temporarily_unavailable", "error_description": "Too many token requests from this address; retry in 12 s."}""")),
                    @Content(mediaType = "application/problem+json")})
    @APIResponse(responseCode = "503", description = "No signing key: tokens are issued by the identity provider")
    public Response token(@HeaderParam("Authorization") String authorization,
            @FormParam("grant_type") @Schema(example = "client_credentials") String grantType,
            @FormParam("client_id") @Schema(example = "pc-7kq2m9xa") String clientId,
            @FormParam("client_secret") @Schema(example = "q0Vx1cJ3m8Zr5n7Tb2Wk9Yp4Hs6Lf1Ad3Ge8Ju0Mi5O") String clientSecret,
            @FormParam("scope") @Schema(example = "submissions:write submissions:read") String scope,
            @FormParam("member_id") @Schema(example = "1") String memberId, @FormParam("unit_id") String unitId) {
        try {
            IssuedToken issued = tokens.issue(new TokenRequest(authorization, grantType,
                    clientId, clientSecret, scope, memberId, unitId));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", issued.accessToken());
            body.put("token_type", "Bearer");
            body.put("expires_in", issued.expiresIn());
            body.put("scope", String.join(" ", issued.scopes()));
            return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        } catch (OAuthError e) {
            return e.toResponse();
        }
    }
}
