package io.banli.supervision.deadline;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;
import io.banli.supervision.rule.Stage;

@Path("/api/v1/deadlines")
@Tag(name = "Deadlines", description = "Every assigned unit's deadlines, their traffic light, and whether they were met.")
public class DeadlineResource {

    @Inject
    DeadlineService deadlines;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "List deadlines", description = """
            Filtered by submission, state, stage and unit, soonest due first: the traffic-light view of what is
            due. A unit sees only its own deadlines; a leader only those of the key items they lead (the token's
            `leader_name` is the item's leading official). Windows that passed unused are `EXPIRED`.""")
    @APIResponse(responseCode = "200", description = "Deadlines", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeadlineView.class),
            examples = @ExampleObject(name = "demo", value = """
            [{"id": 2, "submissionId": 1, "assignmentId": 1, "unitId": 1, "stage": "REPLY", "commitmentId": null,
              "cycle": 1, "kind": "SUGGESTION", "level": "CITY", "keyItem": false, "leadingOfficial": null,
              "startsAt": "2025-02-10T01:30:00Z",
              "dueAt": "2025-05-12T15:59:59.999999Z", "state": "MET", "light": null,
              "metAt": "2025-04-01T02:00:00Z", "metOnTime": true, "overdueAt": null, "extended": false,
              "provisional": false}]""")))
    public List<DeadlineView> list(
            @Parameter(description = "Only this submission", example = "1") @QueryParam("submissionId") Long submissionId,
            @Parameter(description = "Only deadlines in this state", example = "OPEN") @QueryParam("state")
            DeadlineState state,
            @Parameter(description = "Only this stage", example = "REPLY") @QueryParam("stage") Stage stage,
            @Parameter(description = "Only this unit", example = "2") @QueryParam("unitId") Long unitId,
            @Parameter(description = "Only missed deadlines (overdue, or met late) whose unit has not filed its "
                    + "overdue explanation", example = "true") @QueryParam("explanationMissing") Boolean missing,
            @Parameter(description = "Page, from 0", example = "0") @QueryParam("page") @DefaultValue("0") @Min(0)
            int page,
            @Parameter(description = "Page size, 1–500", example = "500") @QueryParam("size") @DefaultValue("500")
            @Min(1) @Max(500) int size) {
        return deadlines.list(submissionId, state, stage, unitId, missing, page, size);
    }
}
