package io.banli.intake.submission;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/submissions")
@Tag(name = "Submissions", description = "Deputies' suggestions (建议) and CPPCC members' proposals (提案).")
public class SubmissionResource {

    static final String VIEW_EXAMPLE = """
            {"id": 4, "sessionId": 1, "number": 4, "kind": "SUGGESTION", "title": "关于加快老旧小区加装电梯的建议",
             "body": "建议简化审批流程，设立专项补贴，推动老旧小区加装电梯。", "field": "URBAN_CONSTRUCTION_TRANSPORT",
             "leadProposerId": 1, "coSigners": [{"memberId": 2, "state": "SIGNED", "signedAt": "2025-01-20T02:00:00Z"}],
             "groupName": null, "keyItem": false, "leadingOfficial": null, "confidential": false,
             "confidentiality": null, "state": "REGISTERED", "coSignUntil": null, "filedAt": "2025-01-20T02:00:00Z",
             "registeredAt": "2025-01-20T02:00:00Z", "refusalReason": null, "disposition": null,
             "mergedIntoId": null, "withdrawnAt": null, "repliedAt": null, "version": 1,
             "similar": [{"id": 1, "sessionId": 1, "sessionName": "市六届人大三次会议", "number": 1,
                          "title": "关于老旧小区加装电梯的建议", "state": "REGISTERED", "score": 0.62}]}""";

    /** The registrations' parameter: how many similar items the answer lists. */
    public static final String SIMILAR = "How many similar items the answer lists, best first (default 5). 0 leaves "
            + "the search out: most of a registration's work in the database, so an office keying a stack of paper "
            + "items registers faster and looks for duplicates afterwards (`GET /submissions/{id}/similar`); the "
            + "answer's `similar` is then null.";

    @Inject
    SubmissionService service;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "File and register a submission in one step", description = """
            The office alone: it enters a paper submission handed in at the session, filed and registered (立案) at
            once, given the session's next number, and `banli.intake.submission.filed.v1` then
            `banli.intake.submission.registered.v1` are published. The lead proposer must be a deputy for a
            suggestion and a CPPCC member for a proposal; co-signers listed here signed on paper. The answer lists
            similar items of this and earlier sessions (`similar`: how many, 0 for none). Title at most 200
            characters, body at most 20,000.
            Portals never register: they file for the member of their token as a draft (`POST /drafts`, then
            `POST /drafts/{id}/filing`), co-signers sign themselves, and the office reviews.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "suggestion", value = """
            {"kind": "SUGGESTION", "sessionId": 1, "title": "关于加快老旧小区加装电梯的建议",
             "body": "建议简化审批流程，设立专项补贴，推动老旧小区加装电梯。", "field": "URBAN_CONSTRUCTION_TRANSPORT",
             "leadProposerId": 1, "coSignerIds": [2]}""")))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "registered", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing, malformed or oversized fields")
    @APIResponse(responseCode = "403", description = "Not the office (portals file drafts)")
    @APIResponse(responseCode = "422", description = "Unknown session, member or field, a kind that does not fit "
            + "them, a group on a suggestion, a key item without its leading official")
    public Response register(@Valid @NotNull NewSubmission request,
            @Parameter(description = SIMILAR) @QueryParam("similar") @DefaultValue("5") @Min(0) @Max(50) int similar) {
        SubmissionView view = service.fileAndRegister(request, similar);
        return Response.created(URI.create("/api/v1/submissions/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM, Roles.MEMBER, Roles.UNIT_STAFF,
            Roles.UNIT_HEAD})
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "Get a submission", description = """
            A member (or a portal whose token names the member) sees the submissions they lead or are invited to
            co-sign, drafts and confidential items included; a unit only those assigned to it; a portal whose token
            names no member only the filed, not confidential items of the members (and units) its registration
            covers; a leader the key items they lead (the token's `leader_name` is the item's leading official);
            office and auditor every filed item.""")
    @APIResponse(responseCode = "200", description = "The submission",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "demo", value = VIEW_EXAMPLE)))
    public SubmissionView get(@Parameter(example = "1") @PathParam("id") long id) {
        return service.view(id);
    }

    @GET
    @Path("/{id}/similar")
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "Similar items of this and earlier sessions", description = """
            Duplicates and precedents for the review: the items whose title and body share the most character
            bigrams with this one (a score from 0 to 1; title weighted 0.6, body 0.4), best first, so the office
            can merge (并案) or point to an earlier reply.""")
    @APIResponse(responseCode = "200", description = "Best first", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = SubmissionView.SimilarItem.class),
            examples = @ExampleObject(name = "one", value = """
            [{"id": 1, "sessionId": 1, "sessionName": "市六届人大三次会议", "number": 1,
              "title": "关于增加中小学课后服务供给的建议", "state": "REGISTERED", "score": 0.71}]""")))
    public List<SubmissionView.SimilarItem> similar(@Parameter(example = "1") @PathParam("id") long id,
            @Parameter(description = "How many at most") @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
            @Parameter(description = "Lowest score shown") @QueryParam("minScore") @DefaultValue("0.2")
            @DecimalMin("0") @DecimalMax("1") double minScore) {
        return service.similar(id, limit, minScore);
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM, Roles.MEMBER, Roles.UNIT_STAFF,
            Roles.UNIT_HEAD})
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "Search and list submissions", description = """
            Filters combine (and); `q` finds every word of it in the title or body (Chinese needs no spaces:
            `q=加装电梯` matches the phrase). Pages are stable: ties in the sort order are broken by id. Each caller
            sees only what they may read (see Get a submission).""")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionPage.class),
            examples = @ExampleObject(name = "demo", value = """
            {"items": [{"id": 1, "sessionId": 1, "number": 1, "kind": "SUGGESTION",
             "title": "关于增加中小学课后服务供给的建议", "body": "…", "field": "SOCIAL_LIVELIHOOD", "leadProposerId": 1,
             "coSigners": [], "groupName": null, "keyItem": false, "leadingOfficial": null, "confidential": false,
             "confidentiality": null, "state": "REGISTERED", "coSignUntil": null, "filedAt": "2025-01-20T02:00:00Z",
             "registeredAt": "2025-01-20T02:00:00Z", "refusalReason": null, "disposition": null,
             "mergedIntoId": null, "withdrawnAt": null, "repliedAt": null, "version": 1, "similar": null}],
             "page": 0, "size": 20, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "A parameter of the wrong type or out of range")
    public SubmissionPage list(@Valid @BeanParam SubmissionSearch.Criteria criteria) {
        return service.find(criteria);
    }
}
