package io.banli.assignment.assignment;

import java.net.URI;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1/submissions/{submissionId}")
@Tag(name = "Handling", description = "Pre-assignment and formal assignment of registered submissions to units, "
        + "and the handling file.")
public class AssignmentResource {

    private static final String PARTS_EXAMPLE = """
            [{"id": 3, "unitId": 2, "mode": "JOINT", "role": "LEAD", "state": "ASSIGNED", "round": 1,
              "preAssignedAt": "2025-02-05T01:30:00Z", "assignedAt": "2025-02-10T01:30:00Z", "overdue": false},
             {"id": 4, "unitId": 3, "mode": "JOINT", "role": "CO", "state": "ASSIGNED", "round": 1,
              "preAssignedAt": "2025-02-05T01:30:00Z", "assignedAt": "2025-02-10T01:30:00Z", "overdue": false}]""";

    @Inject
    AssignmentService assignments;

    @POST
    @Path("/pre-assignment")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Pre-assign a submission", description = """
            预交办: proposes the handling mode and units. No legal clock yet; each unit may ask for an adjustment
            within the adjustment window. Publishes one `banli.assignment.pre-assigned.v1` per unit.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "joint", value = """
            {"mode": "JOINT", "leadUnitId": 2, "coUnitIds": [3]}""")))
    @APIResponse(responseCode = "201", description = "Pre-assigned", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AssignmentView.class),
            examples = @ExampleObject(name = "joint", value = PARTS_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not in state REGISTERED (the detail names its state)")
    @APIResponse(responseCode = "422", description = "Unknown or inactive unit, or units that do not fit the mode")
    public Response preAssign(@Parameter(example = "3") @PathParam("submissionId") long submissionId,
            @Valid @NotNull Plan plan) {
        return created(submissionId, assignments.preAssign(submissionId, plan));
    }

    @POST
    @Path("/assignment")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Assign a registered submission formally and directly", description = """
            正式交办 without a pre-assignment, to one unit (SOLE), a lead unit with co-units (JOINT), or several
            units that each reply (SPLIT). Starts every unit's legal clock and publishes one
            `banli.assignment.assigned.v1` per unit.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "joint", value = """
                    {"mode": "JOINT", "leadUnitId": 2, "coUnitIds": [3]}"""),
            @ExampleObject(name = "sole", value = """
                    {"mode": "SOLE", "leadUnitId": 1, "coUnitIds": []}""")}))
    @APIResponse(responseCode = "201", description = "Assigned", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AssignmentView.class),
            examples = @ExampleObject(name = "joint", value = PARTS_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not in state REGISTERED (pre-assigned: confirm it instead)")
    @APIResponse(responseCode = "422", description = "Unknown or inactive unit, or units that do not fit the mode")
    public Response assign(@Parameter(example = "3") @PathParam("submissionId") long submissionId,
            @Valid @NotNull Plan plan) {
        return created(submissionId, assignments.assign(submissionId, plan));
    }

    @POST
    @Path("/pre-assignment/confirmation")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Confirm the pre-assignment as the formal assignment", description = """
            正式交办 of the pre-assigned units, once every adjustment request is decided. Starts every unit's
            legal clock and publishes one `banli.assignment.assigned.v1` per unit.""")
    @APIResponse(responseCode = "201", description = "Assigned", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AssignmentView.class),
            examples = @ExampleObject(name = "joint", value = PARTS_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not pre-assigned, or an adjustment request is undecided")
    public Response confirm(@Parameter(example = "3") @PathParam("submissionId") long submissionId) {
        return created(submissionId, assignments.assign(submissionId, null));
    }

    private static Response created(long submissionId, List<Assignment> parts) {
        return Response.created(URI.create("/api/v1/submissions/" + submissionId))
                .entity(parts.stream().map(AssignmentView::of).toList()).build();
    }
}
