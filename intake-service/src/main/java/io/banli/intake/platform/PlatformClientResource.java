package io.banli.intake.platform;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.platform.PlatformClientRequests.Change;
import io.banli.intake.platform.PlatformClientRequests.Registration;
import io.banli.intake.platform.PlatformClientRequests.Revocation;
import io.banli.intake.platform.PlatformClientRequests.Rotation;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.quarkus.panache.common.Sort;

@Path("/api/v1/platform-clients")
@Tag(name = "Platform clients", description = "Integrating systems (delegate-duty portals, other government "
        + "platforms) registered by the office: their scopes, the members and units they may act for, their secret "
        + "for `POST /api/v1/oauth2/token`. The secret is shown once, at registration and rotation; a revoked "
        + "client's tokens stop working in intake at once. The contact's e-mail is masked for everyone but the office.")
public class PlatformClientResource {

    static final String VIEW = """
            {"clientId": "pc-7kq2m9xa", "name": "市人大代表履职服务平台", "owner": "市人大常委会代表工作室",
             "contactName": "赵敏", "contactEmail": "zhaomin@example.com",
             "scopes": ["submissions:write", "submissions:read", "progress:read"], "allMembers": false,
             "memberIds": [1, 2], "delegations": ["东城区代表团"], "unitIds": [], "state": "ACTIVE",
             "createdAt": "2025-01-10T02:00:00Z", "revokedAt": null, "previousSecretValidUntil": null, "version": 0}""";
    static final String WITH_SECRET = """
            {"clientId": "pc-7kq2m9xa", "clientSecret": "q0Vx1cJ3m8Zr5n7Tb2Wk9Yp4Hs6Lf1Ad3Ge8Ju0Mi5O",
             "previousSecretValidUntil": null, "client": """ + VIEW + "}";

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    PlatformClientService service;

    @Inject
    PlatformCallLog calls;

    @Inject
    Caller caller;

    @Inject
    PlatformCaller platform;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Register a platform client", description = """
            The secret (32 random bytes, base64url) is in this answer and never again: only a salted hash is kept.
            `clientId` is taken as given when the identity provider already knows the client, else generated
            (`pc-` and 8 characters). Scopes: submissions:write, submissions:read, progress:read, evaluations:write,
            webhooks:manage, statistics:read. No `Idempotency-Key` (400): its stored answer would keep the secret;
            a repeated registration naming its clientId is a 409 instead.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "portal", value = """
            {"name": "市人大代表履职服务平台", "owner": "市人大常委会代表工作室", "contactName": "赵敏",
             "contactEmail": "zhaomin@example.com", "scopes": ["submissions:write", "submissions:read", "progress:read"],
             "allMembers": false, "memberIds": [1, 2], "delegations": ["东城区代表团"], "unitIds": []}""")))
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown this once",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PlatformClientView.WithSecret.class),
            examples = @ExampleObject(name = "registered", value = WITH_SECRET)))
    @APIResponse(responseCode = "400", description = "A missing name, owner, contact or scope list, a malformed clientId, "
            + "or an Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The clientId is already registered")
    @APIResponse(responseCode = "422", description = "An unknown scope, a contact e-mail that is not one, or an unknown member")
    public Response register(@Parameter(hidden = true) @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull Registration request) {
        refuseStoredAnswers(idempotencyKey);
        PlatformClientView.WithSecret registered = service.register(request);
        return Response.created(URI.create("/api/v1/platform-clients/" + registered.clientId()))
                .header("Cache-Control", "no-store").entity(registered).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @io.banli.kit.audit.AuditedRead(subject = PlatformClientService.SUBJECT)
    @Operation(summary = "List platform clients", description = "Revoked ones included. Never the secret or its hash.")
    @APIResponse(responseCode = "200", description = "All registered clients",
            content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = PlatformClientView.class),
            examples = @ExampleObject(name = "one", value = "[" + VIEW + "]")))
    public List<PlatformClientView> list() {
        return PlatformClient.<PlatformClient>listAll(Sort.by("createdAt").and("clientId")).stream()
                .map(this::view).toList();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PLATFORM)
    @io.banli.kit.audit.AuditedRead(subject = PlatformClientService.SUBJECT, idParam = "clientId")
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "The calling platform's own registration", description = "What the registry grants the "
            + "client named in the token: its scopes, members and units (the contact's e-mail masked, as for everyone but "
            + "the office). Needs the scope submissions:read.")
    @APIResponse(responseCode = "200", description = "The caller's registration",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PlatformClientView.class),
            examples = @ExampleObject(name = "own", value = VIEW)))
    public PlatformClientView me() {
        // The caller check has already refused a client that is not registered and active.
        return platform.clientId().flatMap(id -> PlatformClient.<PlatformClient>findByIdOptional(id))
                .map(this::view).orElseThrow(() -> Problems.notFound("platform client", "of this token"));
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @io.banli.kit.audit.AuditedRead(subject = PlatformClientService.SUBJECT, idParam = "clientId")
    @Operation(summary = "Get a platform client", description = "Never the secret or its hash.")
    @APIResponse(responseCode = "200", description = "The client",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PlatformClientView.class),
            examples = @ExampleObject(name = "portal", value = VIEW)))
    public PlatformClientView get(@Parameter(example = "pc-7kq2m9xa") @PathParam("clientId")
            @Schema(maxLength = 100) String clientId) {
        return PlatformClient.<PlatformClient>findByIdOptional(clientId).map(this::view)
                .orElseThrow(() -> Problems.notFound("platform client", clientId));
    }

    @PATCH
    @Path("/{clientId}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Change scopes, members, units or contact", description = """
            Only the fields given change; lists are replaced as a whole. Takes effect in intake at once: a scope,
            member or unit taken away is refused on the client's next call even with a token issued before.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "narrow", value = """
            {"version": 0, "scopes": ["submissions:read"], "memberIds": [1]}""")))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PlatformClientView.class),
            examples = @ExampleObject(name = "changed", value = VIEW)))
    @APIResponse(responseCode = "400", description = "No version, or a field of the wrong shape")
    @APIResponse(responseCode = "409", description = "A stale version, or the client is REVOKED")
    @APIResponse(responseCode = "422", description = "An unknown scope, a contact e-mail that is not one, or an unknown member")
    public PlatformClientView change(@Parameter(example = "pc-7kq2m9xa") @PathParam("clientId")
            @Schema(maxLength = 100) String clientId,
            @Valid @NotNull Change request) {
        return service.change(clientId, request);
    }

    @POST
    @Path("/{clientId}/secret-rotation")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Rotate the secret", description = """
            A new secret, shown this once. The previous one keeps working for `graceMinutes` (default 60, at most
            10080; 0 ends it at once, e.g. after a leak) so the platform can switch without an outage. No
            `Idempotency-Key` (400): its stored answer would keep the secret.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "an hour", value = """
            {"graceMinutes": 60}""")))
    @APIResponse(responseCode = "200", description = "Rotated; the new secret is shown this once",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PlatformClientView.WithSecret.class),
            examples = @ExampleObject(name = "rotated", value = WITH_SECRET)))
    @APIResponse(responseCode = "400", description = "graceMinutes below 0 or above 10080, or an Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The client is REVOKED")
    public Response rotate(@Parameter(example = "pc-7kq2m9xa") @PathParam("clientId")
            @Schema(maxLength = 100) String clientId,
            @Parameter(hidden = true) @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @Valid Rotation request) {
        refuseStoredAnswers(idempotencyKey);
        return Response.ok(service.rotateSecret(clientId, request == null ? null : request.graceMinutes()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{clientId}/revocation")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Revoke a client", description = "For good: no token is issued any more, and tokens already "
            + "issued are refused by intake at once (the other services accept them until they expire, at most the "
            + "token lifetime, 5 minutes by default).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "contract ended", value = """
            {"reason": "平台停止运营"}""")))
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PlatformClientView.class),
            examples = @ExampleObject(name = "revoked", value = """
            {"clientId": "pc-7kq2m9xa", "name": "市人大代表履职服务平台", "owner": "市人大常委会代表工作室",
             "contactName": "赵敏", "contactEmail": "zhaomin@example.com", "scopes": ["submissions:read"],
             "allMembers": false, "memberIds": [1], "delegations": [], "unitIds": [], "state": "REVOKED",
             "createdAt": "2025-01-10T02:00:00Z", "revokedAt": "2025-06-01T02:00:00Z",
             "previousSecretValidUntil": null, "version": 3}""")))
    @APIResponse(responseCode = "400", description = "A reason over 1,000 characters")
    @APIResponse(responseCode = "409", description = "Already REVOKED (the state is named)")
    public PlatformClientView revoke(@Parameter(example = "pc-7kq2m9xa") @PathParam("clientId")
            @Schema(maxLength = 100) String clientId,
            @Valid Revocation request) {
        return service.revoke(clientId, request == null ? null : request.reason());
    }

    @GET
    @Path("/{clientId}/calls")
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @io.banli.kit.audit.AuditedRead(subject = PlatformClientService.SUBJECT, idParam = "clientId")
    @Operation(summary = "The client's calls", description = "Every call the client made to intake, newest first: "
            + "the member it acted for, method, path template, status, time. Kept 90 days.")
    @APIResponse(responseCode = "200", description = "A page of calls",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PlatformCallLog.CallPage.class),
            examples = @ExampleObject(name = "calls", value = """
            {"items": [{"at": "2025-01-19T02:00:00Z", "memberId": 1, "method": "POST",
                        "path": "/api/v1/drafts", "status": 201}], "page": 0, "size": 50, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "A malformed time, a page below 0 or a size outside 1–500")
    public PlatformCallLog.CallPage calls(@Parameter(example = "pc-7kq2m9xa") @PathParam("clientId")
            @Schema(maxLength = 100) String clientId,
            @Valid @jakarta.ws.rs.BeanParam PlatformCallLog.Criteria criteria) {
        if (PlatformClient.findById(clientId) == null) {
            throw Problems.notFound("platform client", clientId);
        }
        return calls.find(clientId, criteria);
    }

    /**
     * An answer kept for an Idempotency-Key replay would keep the secret, which is shown once and stored nowhere. A
     * retry needs no key here: a registration repeated with its clientId is 409, a rotation simply rotates again.
     */
    private static void refuseStoredAnswers(String idempotencyKey) {
        if (idempotencyKey != null) {
            throw Problems.badInput("idempotency-key-not-accepted", IDEMPOTENCY_KEY, "header",
                    "not accepted here: the answer carries a secret, which is never stored for a replay");
        }
    }

    /** The e-mail is the office's working contact; others (the auditor) see it masked. */
    private PlatformClientView view(PlatformClient c) {
        return PlatformClientView.of(c, caller.hasRole(Roles.OFFICE));
    }
}
