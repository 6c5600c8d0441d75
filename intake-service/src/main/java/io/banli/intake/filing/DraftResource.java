package io.banli.intake.filing;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.filing.FilingApi.DraftChange;
import io.banli.intake.filing.FilingApi.Filing;
import io.banli.intake.filing.FilingApi.Invitation;
import io.banli.intake.filing.FilingApi.NewDraft;
import io.banli.intake.submission.SubmissionView;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@RequiresScope(Scopes.SUBMISSIONS_WRITE)
@Path("/api/v1/drafts")
@Tag(name = "Filing", description = "Filing as a delegate-duty portal does it: a member (or the portal acting for the "
        + "member named in its token) drafts, invites co-signers, they sign before the cut-off, and the member files.")
public class DraftResource {

    static final String DRAFT_EXAMPLE = """
            {"id": 4, "sessionId": 1, "number": null, "kind": "SUGGESTION", "title": "关于加快老旧小区加装电梯的建议",
             "body": "建议简化审批流程。", "field": "URBAN_CONSTRUCTION_TRANSPORT", "leadProposerId": 1,
             "coSigners": [{"memberId": 2, "state": "INVITED", "signedAt": null}], "groupName": null,
             "keyItem": false, "leadingOfficial": null, "confidential": false, "confidentiality": null,
             "state": "DRAFT", "coSignUntil": "2030-01-13T10:00:00Z", "filedAt": null, "registeredAt": null,
             "refusalReason": null, "disposition": null, "mergedIntoId": null, "withdrawnAt": null, "repliedAt": null,
             "version": 0, "similar": null}""";

    @Inject
    FilingService filing;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM})
    @Operation(summary = "Start a draft", description = """
            The lead proposer is the member of the token (a portal's token names it in `member_id`). Title at most
            200 characters, body at most 20,000. `coSignUntil` is the cut-off for co-signers; by default the end
            of the session's intake window. A draft is seen only by its proposer and the invited co-signers.
            Confidentiality (`confidential`, `confidentiality`) is the office's decision: a platform setting it is
            refused (403); a member's own token may propose it. Key items, leading officials and registration are
            the office's at review.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "draft", value = """
            {"kind": "SUGGESTION", "sessionId": 1, "title": "关于加快老旧小区加装电梯的建议",
             "body": "建议简化审批流程。", "field": "URBAN_CONSTRUCTION_TRANSPORT", "coSignUntil": "2030-01-13T10:00:00Z"}""")))
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "draft", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing, malformed or oversized fields")
    @APIResponse(responseCode = "403", description = "No member in the token, or a platform setting confidentiality")
    @APIResponse(responseCode = "409", description = "The session's intake window has closed")
    @APIResponse(responseCode = "422", description = "Unknown session or field, a kind that does not fit, a cut-off in "
            + "the past or after the intake window")
    public Response draft(@Valid @NotNull NewDraft request) {
        long id = filing.draft(request);
        return Response.created(URI.create("/api/v1/submissions/" + id)).entity(filing.view(id)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM})
    @Operation(summary = "Edit a draft", description = "Only the lead proposer, only while it is a draft, and only "
            + "against the current `version` (409 `stale-version` otherwise).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "edit", value = """
            {"version": 0, "title": "关于加快老旧小区加装电梯的建议", "body": "建议简化审批流程，设立专项补贴。",
             "field": "URBAN_CONSTRUCTION_TRANSPORT"}""")))
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "draft", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing, malformed or oversized fields")
    @APIResponse(responseCode = "409", description = "Not a draft any more (the state is named), or a stale version")
    @APIResponse(responseCode = "422", description = "Unknown field, or a cut-off in the past")
    public SubmissionView edit(@Parameter(example = "4") @PathParam("id") long id, @Valid @NotNull DraftChange request) {
        filing.edit(id, request);
        return filing.view(id);
    }

    @POST
    @Path("/{id}/co-signers")
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM})
    @Operation(summary = "Invite co-signers", description = "Members of the same kind as the lead proposer; they "
            + "count only once they have signed before the cut-off. Inviting someone twice changes nothing.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "invite", value = """
            {"version": 0, "memberIds": [2]}""")))
    @APIResponse(responseCode = "200", description = "Invited", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "draft", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No members listed")
    @APIResponse(responseCode = "409", description = "Not a draft any more (the state is named), or a stale version")
    @APIResponse(responseCode = "422", description = "Unknown member, the lead proposer, or a member of the other kind")
    public SubmissionView invite(@Parameter(example = "4") @PathParam("id") long id, @Valid @NotNull Invitation request) {
        filing.invite(id, request);
        return filing.view(id);
    }

    @POST
    @Path("/{id}/signature")
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM})
    @Operation(summary = "Co-sign a draft", description = "The invited member of the token signs (联名/附议). Signing "
            + "twice changes nothing; after the cut-off or once filed it is too late (409).")
    @APIResponse(responseCode = "200", description = "Signed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "draft", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The cut-off has passed, or the item is no longer a draft")
    public SubmissionView sign(@Parameter(example = "4") @PathParam("id") long id) {
        filing.sign(id);
        return filing.view(id);
    }

    @POST
    @Path("/{id}/filing")
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM})
    @Operation(summary = "File a draft", description = """
            The lead proposer files: the item waits for the office's review (state RECEIVED) and
            `banli.intake.submission.filed.v1` is published, listing only the co-signers who signed. Only inside the
            session's intake window.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "file", value = """
            {"version": 0}""")))
    @APIResponse(responseCode = "200", description = "Filed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "filed", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No version")
    @APIResponse(responseCode = "409", description = "Not a draft (the state is named), a stale version, or outside "
            + "the intake window")
    public SubmissionView file(@Parameter(example = "4") @PathParam("id") long id, @Valid @NotNull Filing request) {
        filing.file(id, request.version());
        return filing.view(id);
    }
}
