package io.banli.assignment.assignment;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/submissions/{submissionId}")
@Tag(name = "Handling", description = "Assignment of registered submissions to units, and the handling file.")
public class AssignmentResource {

    @Inject
    AssignmentService assignments;

    @Inject
    HandlingFileQuery handlingFiles;

    /**
     * @param leadUnitId the SOLE unit, the LEAD unit of a JOINT assignment, or the first unit of a SPLIT one
     * @param coUnitIds  co-units (JOINT) or the other units (SPLIT); empty for SOLE
     */
    public record NewAssignment(@NotNull HandlingMode mode, @NotNull Long leadUnitId,
            @Size(max = 50) List<@NotNull Long> coUnitIds) {
    }

    public record AssignmentView(Long id, Long unitId, HandlingMode mode, UnitRole role, AssignmentState state,
            Instant assignedAt) {
        public static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id, a.unitId, a.mode, a.role, a.state, a.assignedAt);
        }
    }

    @POST
    @Path("/assignment")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Assign a submission formally", description = """
            The formal assignment (正式交办) to one unit (SOLE), a lead unit with co-units (JOINT), or several
            units that each reply (SPLIT). Starts every unit's legal clock and publishes one
            `banli.assignment.assigned.v1` per unit.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "joint", value = """
                    {"mode": "JOINT", "leadUnitId": 2, "coUnitIds": [3]}"""),
            @ExampleObject(name = "sole", value = """
                    {"mode": "SOLE", "leadUnitId": 1, "coUnitIds": []}""")}))
    @APIResponse(responseCode = "201", description = "Assigned", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "joint", value = """
            [{"id": 3, "unitId": 2, "mode": "JOINT", "role": "LEAD", "state": "ASSIGNED",
              "assignedAt": "2025-02-10T01:30:00Z"},
             {"id": 4, "unitId": 3, "mode": "JOINT", "role": "CO", "state": "ASSIGNED",
              "assignedAt": "2025-02-10T01:30:00Z"}]""")))
    @APIResponse(responseCode = "409", description = "The submission is assigned already")
    @APIResponse(responseCode = "422", description = "Unknown or inactive unit, or units that do not fit the mode")
    public Response assign(@Parameter(example = "3") @PathParam("submissionId") long submissionId,
            @Valid @NotNull NewAssignment request) {
        List<AssignmentView> created = assignments.assign(submissionId, request).stream()
                .map(AssignmentView::of).toList();
        return Response.created(URI.create("/api/v1/submissions/" + submissionId)).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Get the handling file of a submission", description = """
            The submission with its units and replies. A unit sees only submissions assigned to it.""")
    @APIResponse(responseCode = "200", description = "The handling file", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "demo", value = """
            {"submissionId": 1, "sessionId": 1, "number": 1, "kind": "SUGGESTION",
             "title": "关于增加中小学课后服务供给的建议", "field": "SOCIAL_LIVELIHOOD", "leadProposer": "王建华",
             "assignments": [{"id": 1, "unitId": 1, "mode": "SOLE", "role": "SOLE", "state": "SUBMITTED",
               "assignedAt": "2025-02-10T01:30:00Z"}],
             "replies": [{"id": 1, "unitId": 1, "resultClass": "A", "text": "…",
               "fingerprint": "9f2c…", "submittedAt": "2025-04-01T02:00:00Z"}]}""")))
    public HandlingFileQuery.HandlingFile get(@Parameter(example = "1") @PathParam("submissionId") long submissionId) {
        return handlingFiles.find(submissionId);
    }
}
