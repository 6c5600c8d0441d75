package io.banli.assignment.letter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/submissions/{submissionId}/replies/{replyId}/letter")
@Tag(name = "Replies")
public class LetterResource {

    @Inject
    LetterService letters;

    @GET
    @Produces("application/pdf")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD, Roles.MEMBER,
            Roles.PLATFORM})
    @RequiresScope(Scopes.PROGRESS_READ)
    @Operation(summary = "Get a sent reply as the official letter (PDF)", description = """
            The letter in the unified format as mailed and archived: unit, reply number, the result class at the top
            right, title, body, commitments, signature block with the seal's place, date, copy-to list and the
            SHA-256 fingerprint; the second page is the evaluation form (征询意见表). For the office, auditors,
            the leader of a key item (token's `leader_name` is its leading official), the replying unit, and the
            proposer and signed co-signers.""")
    @APIResponse(responseCode = "200", description = "The letter", content = @Content(mediaType = "application/pdf",
            examples = @ExampleObject(name = "letter", value = "%PDF-1.5 … (two pages)")))
    @APIResponse(responseCode = "404", description = "No such sent reply the caller may read")
    public Response letter(@Parameter(example = "1") @PathParam("submissionId") long submissionId,
            @Parameter(example = "1") @PathParam("replyId") long replyId) {
        byte[] pdf = letters.letter(submissionId, replyId);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"reply-" + replyId + ".pdf\"").build();
    }
}
