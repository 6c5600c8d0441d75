package io.banli.intake.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.submission.SubmissionResource;
import io.banli.intake.submission.SubmissionView;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

/*
 * Its paths start at the submissions' own path, like SubmissionResource's: a class path of /submissions/{id}, which
 * has no GET, matched every read of one item first, and Quarkus REST then built a new router for that request to
 * try the next class (4 % of a read's CPU in Flight Recorder).
 */
@Path("/api/v1/submissions")
@Tag(name = "Review", description = "The office's review at intake: register (立案), refuse (不予立案), merge (并案), "
        + "correct; and the proposer's written withdrawal. Every change names the `version` it was made against "
        + "(409 `stale-version` when someone changed the item meanwhile); an action the state does not allow is 409 "
        + "naming the state.")
public class ReviewResource {

    static final String EXAMPLE = """
            {"id": 5, "sessionId": 1, "number": 3, "kind": "SUGGESTION", "title": "关于加快老旧小区加装电梯的建议",
             "body": "建议简化审批流程。", "field": "URBAN_CONSTRUCTION_TRANSPORT", "leadProposerId": 2,
             "coSigners": [{"memberId": 1, "state": "SIGNED", "signedAt": "2025-01-19T02:00:00Z"}], "groupName": null,
             "keyItem": true, "leadingOfficial": "李副市长", "confidential": false, "confidentiality": null,
             "state": "REGISTERED", "coSignUntil": null, "filedAt": "2025-01-19T03:00:00Z",
             "registeredAt": "2025-01-20T02:00:00Z", "refusalReason": null, "disposition": null,
             "mergedIntoId": null, "withdrawnAt": null, "repliedAt": null, "version": 2,
             "similar": [{"id": 1, "sessionId": 1, "sessionName": "市六届人大三次会议", "number": 1,
                          "title": "关于老旧小区加装电梯的建议", "state": "REGISTERED", "score": 0.62}]}""";

    @Inject
    ReviewService review;

    @POST
    @Path("/{id}/registration")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Register a received item (立案)", description = """
            Gives the item the session's next number (gap-free even under concurrent registrations) and publishes
            `banli.intake.submission.registered.v1`. A key item (重点) names its leading official. The answer lists
            similar items of this and earlier sessions (`similar`: how many, 0 for none).""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "key item", value = """
            {"version": 1, "keyItem": true, "leadingOfficial": "李副市长"}""")))
    @APIResponse(responseCode = "200", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "registered", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No version")
    @APIResponse(responseCode = "409", description = "Not RECEIVED (the state is named), or a stale version")
    @APIResponse(responseCode = "422", description = "A key item without its leading official, or the reverse")
    public SubmissionView register(@Parameter(example = "5") @PathParam("id") long id,
            @Valid @NotNull Registration request, @Parameter(description = SubmissionResource.SIMILAR)
            @QueryParam("similar") @DefaultValue("5") @Min(0) @Max(50) int similar) {
        return review.register(id, request, similar);
    }

    @POST
    @Path("/{id}/refusal")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Refuse registration (不予立案)", description = "With the reason and what becomes of the item: "
            + "a letter (转来信) or a public-opinion report. Publishes `banli.intake.submission.refused.v1`.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "letter", value = """
            {"version": 1, "reason": "所提问题属于个人诉求，不属于建议范围。", "disposition": "LETTER"}""")))
    @APIResponse(responseCode = "200", description = "Refused", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "refused", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No version, reason or disposition, or a reason over 1,000 characters")
    @APIResponse(responseCode = "409", description = "Not RECEIVED (the state is named), or a stale version")
    public SubmissionView refuse(@Parameter(example = "5") @PathParam("id") long id, @Valid @NotNull Refusal request) {
        return review.refuse(id, request);
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Merge into another item (并案)", description = "Items of the same content in one session are "
            + "handled together; each proposer still gets a reply. Publishes `banli.intake.submission.merged.v1`.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "merge", value = """
            {"version": 1, "intoSubmissionId": 1}""")))
    @APIResponse(responseCode = "200", description = "Merged", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "merged", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No version or target")
    @APIResponse(responseCode = "409", description = "Not RECEIVED or REGISTERED (the state is named), or a stale version")
    @APIResponse(responseCode = "422", description = "The target is itself, unknown, of another session or kind, or closed")
    public SubmissionView merge(@Parameter(example = "5") @PathParam("id") long id, @Valid @NotNull Merger request) {
        return review.merge(id, request);
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({Roles.OFFICE, Roles.MEMBER, Roles.PLATFORM})
    @RequiresScope(Scopes.SUBMISSIONS_WRITE)
    @Operation(summary = "Withdraw in writing", description = "The lead proposer (or the office recording a written "
            + "withdrawal) withdraws the item before it is replied to; handling stops. Publishes "
            + "`banli.intake.submission.withdrawn.v1` (not for a draft, which nobody else knew).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "withdraw", value = """
            {"version": 1, "reason": "问题已在会前解决，申请撤回。"}""")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "withdrawn", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No version or reason")
    @APIResponse(responseCode = "409", description = "Already refused, withdrawn or replied to (the state is named), "
            + "or a stale version")
    public SubmissionView withdraw(@Parameter(example = "5") @PathParam("id") long id,
            @Valid @NotNull Withdrawal request) {
        return review.withdraw(id, request);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Correct field, key item or confidentiality", description = "Fields left out stay as they are. "
            + "For a registered item publishes `banli.intake.submission.updated.v1` with the whole registered picture.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "key item", value = """
            {"version": 1, "keyItem": true, "leadingOfficial": "李副市长"}""")))
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "corrected", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No version, or malformed values")
    @APIResponse(responseCode = "409", description = "Not RECEIVED or REGISTERED (the state is named), or a stale version")
    @APIResponse(responseCode = "422", description = "Unknown field, key item without leading official, "
            + "confidential without reason")
    public SubmissionView correct(@Parameter(example = "5") @PathParam("id") long id,
            @Valid @NotNull Correction request) {
        return review.update(id, request);
    }
}
