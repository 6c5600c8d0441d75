package io.banli.supervision.action;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import io.banli.kit.security.Roles;

@Path("/api/v1/supervision-actions")
@Tag(name = "Supervision actions", description = "督办: reminder calls, written notices, inspections and interviews.")
public class ActionResource {

    @Inject
    ActionService actions;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Record a supervision action", description = """
            Publishes `banli.supervision.supervision-action-recorded.v1`, keyed by the submission id, or `unit-<id>` for an
            action about a unit as a whole.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "interview",
            value = """
            {"submissionId": 2, "unitId": 2, "kind": "INTERVIEW", "note": "约谈分管负责人，要求5个工作日内报送办理方案。",
             "takenOn": "2025-05-14"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ActionView.class),
            examples = @ExampleObject(name = "interview", value = """
            {"id": 1, "submissionId": 2, "unitId": 2, "kind": "INTERVIEW",
             "note": "约谈分管负责人，要求5个工作日内报送办理方案。", "takenOn": "2025-05-14",
             "recordedAt": "2025-05-14T08:00:00Z", "recordedBy": "office-demo"}""")))
    @APIResponse(responseCode = "422", description = "Neither a submission nor a unit named")
    public Response record(@Valid @NotNull NewAction request) {
        ActionView action = actions.record(request);
        return Response.created(URI.create("/api/v1/supervision-actions?submissionId=" + action.submissionId()))
                .entity(action).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "List supervision actions", description = """
            Newest first. A unit sees the actions about it; a leader those about the key items they lead.""")
    @APIResponse(responseCode = "200", description = "Actions", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ActionView.class),
            examples = @ExampleObject(name = "demo", value = """
            [{"id": 1, "submissionId": 2, "unitId": 2, "kind": "INTERVIEW",
              "note": "约谈分管负责人，要求5个工作日内报送办理方案。", "takenOn": "2025-05-14",
              "recordedAt": "2025-05-14T08:00:00Z", "recordedBy": "office-demo"}]""")))
    public List<ActionView> list(
            @Parameter(description = "Only about this submission", example = "2") @QueryParam("submissionId")
            Long submissionId,
            @Parameter(description = "Only about this unit", example = "2") @QueryParam("unitId") Long unitId) {
        return actions.list(submissionId, unitId);
    }
}
