package io.banli.assignment.extension;

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

@Path("/api/v1/submissions/{submissionId}")
@Tag(name = "Extension", description = "延期: a unit applies for more time to reply; the office decides.")
public class ExtensionResource {

    @Inject
    ExtensionService extensions;

    @POST
    @Path("/extension-request")
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Apply for an extension of the reply deadline", description = """
            A replying unit asks for time until a date at most six months after the formal assignment. Publishes
            `banli.assignment.extension-requested.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "request",
            value = "{\"until\": \"2025-07-31\", \"reason\": \"涉及跨部门资金统筹，需待年中预算调整\"}")))
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExtensionView.class),
            examples = @ExampleObject(name = "requested", value = """
            {"id": 1, "unitId": 2, "requestedUntil": "2025-07-31", "reason": "涉及跨部门资金统筹，需待年中预算调整",
             "state": "REQUESTED", "requestedAt": "2025-04-20T02:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Missing fields or a date not in the future")
    @APIResponse(responseCode = "404", description = "Not assigned to the caller's unit")
    @APIResponse(responseCode = "409", description = "Not a replying unit handling the item, or a request is open")
    @APIResponse(responseCode = "422", description = "Beyond six months after the formal assignment")
    public Response request(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Valid @NotNull NewRequest request) {
        ExtensionRequest created = extensions.request(submissionId, request.until(), request.reason());
        return Response.created(URI.create("/api/v1/submissions/" + submissionId)).entity(ExtensionView.of(created))
                .build();
    }

    @POST
    @Path("/extension-decision")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Approve or refuse a unit's extension request", description = """
            The office decides, with a reason; an approval may grant a different date (still at most six months
            after the assignment). Publishes `banli.assignment.extension-decided.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "approve",
            value = "{\"unitId\": 2, \"approved\": true, \"until\": \"2025-07-31\", \"reason\": \"同意延期\"}")))
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExtensionView.class),
            examples = @ExampleObject(name = "approved", value = """
            {"id": 1, "unitId": 2, "requestedUntil": "2025-07-31", "reason": "涉及跨部门资金统筹，需待年中预算调整",
             "state": "APPROVED", "decidedUntil": "2025-07-31", "decisionReason": "同意延期",
             "requestedAt": "2025-04-20T02:00:00Z", "decidedAt": "2025-04-22T02:00:00Z"}""")))
    @APIResponse(responseCode = "409", description = "No undecided request of that unit")
    @APIResponse(responseCode = "422", description = "Beyond six months after the formal assignment")
    public ExtensionView decide(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Valid @NotNull Decision decision) {
        return ExtensionView.of(extensions.decide(submissionId, decision.unitId(), decision.approved(),
                decision.until(), decision.reason()));
    }
}
