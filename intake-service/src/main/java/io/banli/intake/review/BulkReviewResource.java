package io.banli.intake.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1/sessions/{sessionId}")
@Tag(name = "Review")
public class BulkReviewResource {

    static final String REFUSED_ITEMS = """
            One item that cannot take the decision and nothing is done: 422 `bulk-item-refused` when an item is not
            one of the session's, else 409 `bulk-item-refused` when one is not RECEIVED; `items` names each such item
            and why.""";

    @Inject
    BulkReviewService review;

    @POST
    @Path("/registrations")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Register many reviewed items (批量立案)", description = """
            All or nothing. The items listed get the session's next numbers in the order given; with `allReceived`
            every RECEIVED item of the session does, ordered by the committee's number, then as filed. Numbers stay
            gap-free. Publishes `banli.intake.submission.registered.v1` for each item. """ + REFUSED_ITEMS)
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "listed", value = "{\"submissionIds\": [5, 6, 7]}"),
            @ExampleObject(name = "all received", value = "{\"allReceived\": true}")}))
    @APIResponse(responseCode = "200", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BulkReviewReport.class), examples = @ExampleObject(name = "report", value = """
            {"sessionId": 1, "decision": "REGISTERED", "count": 3, "firstNumber": 12, "lastNumber": 14,
             "items": [{"submissionId": 5, "number": 12, "committeeNumber": 1},
                       {"submissionId": 6, "number": 13, "committeeNumber": 2},
                       {"submissionId": 7, "number": 14, "committeeNumber": 3}]}""")))
    @APIResponse(responseCode = "400", description = "Neither or both of `submissionIds` and `allReceived`")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "An item is not RECEIVED; nothing was registered")
    @APIResponse(responseCode = "422", description = "An item is not the session's; nothing was registered")
    public BulkReviewReport register(@Parameter(example = "1") @PathParam("sessionId") long sessionId,
            @Valid @NotNull BulkRegistration request) {
        return review.register(sessionId, request);
    }

    @POST
    @Path("/refusals")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Refuse many reviewed items (批量不予立案)", description = """
            All or nothing, with one reason and disposition (a letter 转来信 or a public-opinion report) for every
            item: the items listed, or with `allReceived` every RECEIVED item of the session. Publishes
            `banli.intake.submission.refused.v1` for each item. """ + REFUSED_ITEMS)
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "letters", value = """
            {"submissionIds": [8, 9], "reason": "所提问题属于个人诉求，不属于建议范围。", "disposition": "LETTER"}""")))
    @APIResponse(responseCode = "200", description = "Refused", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BulkReviewReport.class), examples = @ExampleObject(name = "report", value = """
            {"sessionId": 1, "decision": "REFUSED", "count": 2, "firstNumber": null, "lastNumber": null,
             "items": [{"submissionId": 8, "number": null, "committeeNumber": null},
                       {"submissionId": 9, "number": null, "committeeNumber": null}]}""")))
    @APIResponse(responseCode = "400", description = "No reason or disposition, or neither or both of `submissionIds` "
            + "and `allReceived`")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "An item is not RECEIVED; nothing was refused")
    @APIResponse(responseCode = "422", description = "An item is not the session's; nothing was refused")
    public BulkReviewReport refuse(@Parameter(example = "1") @PathParam("sessionId") long sessionId,
            @Valid @NotNull BulkRefusal request) {
        return review.refuse(sessionId, request);
    }
}
