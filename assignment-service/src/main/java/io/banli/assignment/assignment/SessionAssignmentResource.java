package io.banli.assignment.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
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

@Path("/api/v1")
@Tag(name = "Handling")
public class SessionAssignmentResource {

    @Inject
    AssignmentService assignments;

    @POST
    @Path("/pre-assignments")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Pre-assign many submissions at once", description = """
            The 交办会 proposes hundreds of items at once. All or nothing: a refused item refuses the whole batch
            and the problem names it (`items[i]`).""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "two", value = """
            {"items": [{"submissionId": 3, "mode": "SOLE", "leadUnitId": 1, "coUnitIds": []},
                       {"submissionId": 4, "mode": "JOINT", "leadUnitId": 2, "coUnitIds": [3, 4]}]}""")))
    @APIResponse(responseCode = "200", description = "All pre-assigned", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = BulkResult.class),
            examples = @ExampleObject(name = "two", value = "{\"preAssigned\": 2}")))
    @APIResponse(responseCode = "409", description = "An item is not in state REGISTERED")
    @APIResponse(responseCode = "422", description = "An item names an unknown unit or units that do not fit its mode")
    public BulkResult preAssignAll(@Valid @NotNull BulkPreAssignment bulk) {
        return new BulkResult(assignments.preAssignAll(bulk.items()));
    }

    @POST
    @Path("/sessions/{sessionId}/assignment")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Confirm every pre-assignment of a session", description = """
            The formal assignment of a whole session after the 交办会: every pre-assigned item without an
            undecided adjustment request is assigned; the others are listed as waiting.""")
    @APIResponse(responseCode = "200", description = "What was assigned, what waits", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = SessionAssignment.class),
            examples = @ExampleObject(name = "session", value = """
            {"sessionId": 1, "assigned": [3, 4, 5], "waitingForAdjustment": [6]}""")))
    @APIResponse(responseCode = "404", description = "No submission of this session was registered")
    public SessionAssignment assignSession(@Parameter(example = "1") @PathParam("sessionId") long sessionId) {
        return assignments.assignSession(sessionId);
    }

}
