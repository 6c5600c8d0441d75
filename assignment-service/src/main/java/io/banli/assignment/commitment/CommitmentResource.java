package io.banli.assignment.commitment;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
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

import io.banli.kit.security.Roles;

@Path("/api/v1/submissions/{submissionId}/commitments/{commitmentId}/progress")
@Tag(name = "Commitments", description = "承诺事项 from replies, followed until fulfilled (B-class: yearly).")
public class CommitmentResource {

    @Inject
    CommitmentService commitments;

    @POST
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Report progress on a commitment", description = """
            The unit that promised it reports progress (percent, note, date); 100 % fulfils it. Progress does not
            go back. Publishes `banli.assignment.commitment-progressed.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "half", value = """
            {"percent": 50, "note": "已完成12个区中的6个", "progressedOn": "2025-06-30"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ProgressView.class),
            examples = @ExampleObject(name = "half", value = """
            {"id": 1, "commitmentId": 1, "percent": 50, "fulfilled": false, "note": "已完成12个区中的6个",
             "progressedOn": "2025-06-30", "recordedAt": "2025-07-01T02:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Percent outside 0–100, missing note, future date")
    @APIResponse(responseCode = "404", description = "No such commitment of the caller's unit")
    @APIResponse(responseCode = "409", description = "Fulfilled already, or its reply is not sent")
    @APIResponse(responseCode = "422", description = "Less than the progress already reported")
    public Response progress(@Parameter(example = "1") @PathParam("submissionId") long submissionId,
            @Parameter(example = "1") @PathParam("commitmentId") long commitmentId,
            @Valid @NotNull NewProgress progress) {
        CommitmentProgress p = commitments.progress(submissionId, commitmentId, progress.percent(), progress.note(),
                progress.progressedOn());
        return Response.created(URI.create("/api/v1/submissions/" + submissionId))
                .entity(new ProgressView(p.id, p.commitmentId, p.percent, p.percent == 100, p.note, p.progressedOn,
                        p.recordedAt)).build();
    }
}
