package io.banli.supervision.explanation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1/deadlines/{deadlineId}/explanation")
@Tag(name = "Overdue explanations", description = "超期说明: a unit past a deadline explains in writing why.")
public class ExplanationResource {

    @Inject
    ExplanationService explanations;

    @PUT
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "File the overdue explanation of a deadline", description = """
            Only the unit that owes the deadline, and only once it is overdue or was met late. An explanation is
            a record: it is filed once and never rewritten. Publishes `banli.supervision.explanation-filed.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "explanation",
            value = """
            {"text": "因涉及多部门协调，需待市规划调整方案批复后方能答复，已于5月8日电话告知代表本人。"}""")))
    @APIResponse(responseCode = "200", description = "Filed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExplanationView.class),
            examples = @ExampleObject(name = "filed", value = """
            {"deadlineId": 4, "text": "因涉及多部门协调，需待市规划调整方案批复后方能答复……",
             "filedAt": "2025-05-13T02:00:00Z", "filedBy": "staff-demo"}""")))
    @APIResponse(responseCode = "409", description = "The deadline is not overdue, is not the unit's own duty (an extension decision), or its explanation is filed already")
    public ExplanationView file(@Parameter(example = "4") @PathParam("deadlineId") long deadlineId,
            @Valid @NotNull NewExplanation request) {
        return explanations.file(deadlineId, request);
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Read the overdue explanation of a deadline")
    @APIResponse(responseCode = "200", description = "The explanation", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = ExplanationView.class),
            examples = @ExampleObject(name = "filed", value = """
            {"deadlineId": 4, "text": "因涉及多部门协调，需待市规划调整方案批复后方能答复……",
             "filedAt": "2025-05-13T02:00:00Z", "filedBy": "staff-demo"}""")))
    public ExplanationView read(@Parameter(example = "4") @PathParam("deadlineId") long deadlineId) {
        return explanations.read(deadlineId);
    }
}
