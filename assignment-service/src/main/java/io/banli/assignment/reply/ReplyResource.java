package io.banli.assignment.reply;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1/submissions/{submissionId}/replies")
@Tag(name = "Replies", description = "Units' written replies (答复) with their result class.")
public class ReplyResource {

    @Inject
    ReplyService replies;

    public record NewReply(@NotBlank @Size(max = 50_000) String text, @NotNull ResultClass resultClass) {
    }

    public record ReplyView(Long id, Long unitId, ResultClass resultClass, String text, String fingerprint,
            Instant submittedAt) {
        public static ReplyView of(Reply r) {
            return new ReplyView(r.id, r.unitId, r.resultClass, r.text, r.fingerprint, r.submittedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Submit the unit's reply to the office", description = """
            The unit named in the caller's token submits its reply with a result class (A solved, B being solved,
            C cannot be solved now, D for reference). Only a SOLE, LEAD or SPLIT unit replies; publishes
            `banli.assignment.reply-submitted.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "classA", value = """
            {"text": "您提出的关于增加中小学课后服务供给的建议收悉。我局已在全市推开课后服务全覆盖……", "resultClass": "A"}""")))
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "submitted", value = """
            {"id": 2, "unitId": 1, "resultClass": "A", "text": "您提出的关于增加中小学课后服务供给的建议收悉。……",
             "fingerprint": "3b4f8e0c5d…", "submittedAt": "2025-04-01T02:00:00Z"}""")))
    @APIResponse(responseCode = "409", description = "A reply was already submitted, or the unit is a co-unit")
    public Response submit(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Valid @NotNull NewReply request) {
        Reply reply = replies.submit(submissionId, request);
        return Response.created(URI.create("/api/v1/submissions/" + submissionId)).entity(ReplyView.of(reply)).build();
    }
}
