package io.banli.assignment.handling;

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

import io.banli.assignment.assignment.AssignmentView;
import io.banli.kit.security.Roles;

@Path("/api/v1/submissions/{submissionId}")
@Tag(name = "Unit handling", description = "Sign-for, contacts with the proposer, co-unit opinions, holding answers.")
@RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
public class HandlingResource {

    @Inject
    HandlingService handling;

    @POST
    @Path("/sign-for")
    @Operation(summary = "Sign for the unit's part", description = """
            签收: the caller's unit confirms receipt of a formally assigned item. Publishes
            `banli.assignment.signed.v1`. A second sign-for answers 409.""")
    @APIResponse(responseCode = "200", description = "Signed for", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AssignmentView.class),
            examples = @ExampleObject(name = "signed", value = """
            {"id": 3, "unitId": 2, "mode": "JOINT", "role": "LEAD", "state": "HANDLING", "round": 1,
             "assignedAt": "2025-02-10T01:30:00Z", "signedAt": "2025-02-11T02:00:00Z", "overdue": false}""")))
    @APIResponse(responseCode = "404", description = "Not assigned to the caller's unit")
    @APIResponse(responseCode = "409", description = "Not in state ASSIGNED (pre-assigned only, or signed already)")
    public AssignmentView signFor(@Parameter(example = "2") @PathParam("submissionId") long submissionId) {
        return AssignmentView.of(handling.signFor(submissionId));
    }

    @POST
    @Path("/contacts")
    @Operation(summary = "Record a contact with the proposer", description = """
            Before, during or after handling; by phone, visit, meeting, on-site inspection or invitation. Every
            method but a phone call counts as a face-to-face meeting (见面率). Publishes
            `banli.assignment.contact-recorded.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "visit", value = """
            {"timing": "BEFORE", "method": "VISIT", "contactedOn": "2025-02-20", "note": "上门听取代表意见"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ContactView.class),
            examples = @ExampleObject(name = "visit", value = """
            {"id": 1, "unitId": 2, "timing": "BEFORE", "method": "VISIT", "faceToFace": true,
             "contactedOn": "2025-02-20", "note": "上门听取代表意见", "recordedAt": "2025-02-20T08:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Missing or malformed field, or a date in the future")
    @APIResponse(responseCode = "404", description = "Not assigned to the caller's unit")
    @APIResponse(responseCode = "409", description = "The unit's part is not being handled")
    public Response recordContact(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Valid @NotNull NewContact contact) {
        Contact recorded = handling.recordContact(submissionId, contact.timing(), contact.method(),
                contact.contactedOn(), contact.note());
        return Response.created(URI.create("/api/v1/submissions/" + submissionId)).entity(ContactView.of(recorded))
                .build();
    }

    @POST
    @Path("/opinion")
    @Operation(summary = "Send the co-unit's opinion to the lead unit", description = """
            会办意见 of a JOINT item. The lead unit cannot submit its reply before every co-unit sent its opinion.
            Publishes `banli.assignment.opinion-sent.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "opinion",
            value = "{\"text\": \"我委同意主办单位意见，将在规划中统筹考虑。\"}")))
    @APIResponse(responseCode = "201", description = "Sent", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OpinionView.class),
            examples = @ExampleObject(name = "sent", value = """
            {"id": 1, "unitId": 3, "leadUnitId": 2, "text": "我委同意主办单位意见，将在规划中统筹考虑。",
             "sentAt": "2025-03-01T02:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = "Not assigned to the caller's unit")
    @APIResponse(responseCode = "409", description = "Not a co-unit, not signed for, or sent already")
    public Response sendOpinion(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Valid @NotNull Text opinion) {
        Opinion sent = handling.sendOpinion(submissionId, opinion.text());
        return Response.created(URI.create("/api/v1/submissions/" + submissionId)).entity(OpinionView.of(sent))
                .build();
    }

    @POST
    @Path("/holding-answer")
    @Operation(summary = "Record a holding answer", description = """
            情况说明: where handling stands, in writing, while the reply is not ready. Publishes
            `banli.assignment.holding-answer-recorded.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "holding",
            value = "{\"text\": \"该建议涉及多部门协调，正在会商，预计5月底前答复。\"}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HoldingAnswerView.class),
            examples = @ExampleObject(name = "recorded", value = """
            {"id": 1, "unitId": 2, "text": "该建议涉及多部门协调，正在会商，预计5月底前答复。",
             "recordedAt": "2025-04-20T02:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = "Not assigned to the caller's unit")
    @APIResponse(responseCode = "409", description = "Not a replying unit that is handling the item")
    public Response recordHoldingAnswer(@Parameter(example = "2") @PathParam("submissionId") long submissionId,
            @Valid @NotNull Text answer) {
        HoldingAnswer recorded = handling.recordHoldingAnswer(submissionId, answer.text());
        return Response.created(URI.create("/api/v1/submissions/" + submissionId)).entity(new HoldingAnswerView(
                recorded.id, recorded.unitId, recorded.text, recorded.recordedAt)).build();
    }
}
