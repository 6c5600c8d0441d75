package io.banli.assignment.adjustment;

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

import io.banli.assignment.assignment.AssignmentView;
import io.banli.kit.security.Roles;

@Path("/api/v1/submissions/{submissionId}")
@Tag(name = "Adjustment", description = "申请调整: a unit says \"not ours\" after a pre-assignment or an assignment; "
        + "the office decides.")
public class AdjustmentResource {

    private static final String PART_EXAMPLE = """
            {"id": 4, "unitId": 3, "mode": "JOINT", "role": "CO", "state": "ADJUSTMENT_REQUESTED", "round": 1,
             "preAssignedAt": "2025-02-05T01:30:00Z", "adjustmentReason": "该事项属市住建局职责", "overdue": false}""";

    @Inject
    AdjustmentService adjustments;

    @POST
    @Path("/adjustment-request")
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Ask for an adjustment of a pre-assignment or an assignment", description = """
            The caller's unit says the item is not theirs, with a reason, while the adjustment window is open: it
            counts from the first assignment the unit received (the pre-assignment, or the formal or direct
            assignment), so a formally assigned unit may ask too, before or after signing for it. Supervision
            then holds the office to a decision deadline. Publishes `banli.assignment.adjustment-requested.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "notOurs",
            value = "{\"reason\": \"该事项属市住建局职责，建议调整\"}")))
    @APIResponse(responseCode = "200", description = "Requested", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AssignmentView.class),
            examples = @ExampleObject(name = "requested", value = PART_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Asked already, the opinion or reply sent, or the window has closed")
    public AssignmentView request(@Parameter(example = "3") @PathParam("submissionId") long submissionId,
            @Valid @NotNull AdjustmentRequest request) {
        return AssignmentView.of(adjustments.request(submissionId, request.reason()));
    }

    @POST
    @Path("/adjustment-decision")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Decide a unit's adjustment request", description = """
            REASSIGN moves the unit's part to `newUnitId` (a new pre-assignment, or a new formal assignment whose
            clock starts now when the part was formally assigned), KEEP leaves it with the unit in the state it was
            in; a reason is required either way. Publishes `banli.assignment.adjustment-decided.v1`, then the new
            unit's `pre-assigned` or `assigned` event.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "reassign", value = """
                    {"unitId": 3, "decision": "REASSIGN", "newUnitId": 4, "reason": "同意调整至市住建局"}"""),
            @ExampleObject(name = "keep", value = """
                    {"unitId": 3, "decision": "KEEP", "reason": "涉及该单位职责，维持原交办"}""")}))
    @APIResponse(responseCode = "200", description = "The part that now carries the work", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = AssignmentView.class),
            examples = @ExampleObject(name = "reassigned", value = """
            {"id": 7, "unitId": 4, "mode": "JOINT", "role": "CO", "state": "PRE_ASSIGNED", "round": 1,
             "preAssignedAt": "2025-02-07T01:30:00Z", "overdue": false}""")))
    @APIResponse(responseCode = "404", description = "The unit has no part in this submission")
    @APIResponse(responseCode = "409", description = "No adjustment request to decide")
    @APIResponse(responseCode = "422", description = "The new unit is unknown, inactive or has a part already")
    public AssignmentView decide(@Parameter(example = "3") @PathParam("submissionId") long submissionId,
            @Valid @NotNull AdjustmentDecision decision) {
        return AssignmentView.of(adjustments.decide(submissionId, decision.unitId(), decision.decision(),
                decision.newUnitId(), decision.reason()));
    }
}
