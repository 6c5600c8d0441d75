package io.banli.assignment.evaluation;

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

import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/submissions/{submissionId}/replies/{replyId}/evaluations")
@Tag(name = "Evaluation", description = "征询意见: the proposer and co-signers rate a sent reply.")
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM})
    @RequiresScope(Scopes.EVALUATIONS_WRITE)
    @Operation(summary = "Evaluate a sent reply", description = """
            The member named in the token (a portal acts for the member in its `member_id` claim) rates the reply:
            满意 SATISFIED, 基本满意 BASICALLY_SATISFIED or 不满意 UNSATISFIED. The lead proposer's rating decides:
            unsatisfied in the first round starts re-handling (`banli.assignment.rehandling-started.v1`), otherwise
            the unit's part closes, and the item (`banli.assignment.closed.v1`) once every replying unit's has.
            Each signed co-signer rates on their own, before or after the lead proposer (also once the lead's
            rating closed the part or the item), until the round's evaluation window passes; their ratings count
            per rating and move nothing. Publishes `banli.assignment.evaluated.v1` (`complete` once every member
            asked has rated, or re-handling opened). Once per member and round.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "unsatisfied",
            value = "{\"rating\": \"UNSATISFIED\", \"comment\": \"答复未回应经费保障问题\"}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = EvaluationView.class),
            examples = @ExampleObject(name = "recorded", value = """
            {"id": 1, "replyId": 2, "unitId": 1, "round": 1, "memberId": 1, "rating": "UNSATISFIED",
             "comment": "答复未回应经费保障问题", "evaluatedAt": "2025-04-10T02:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = "Not the member's item, or no such sent reply")
    @APIResponse(responseCode = "409", description = "Evaluated already, the evaluation window passed, or the part is "
            + "not awaiting an evaluation")
    public Response evaluate(@Parameter(example = "1") @PathParam("submissionId") long submissionId,
            @Parameter(example = "1") @PathParam("replyId") long replyId, @Valid @NotNull NewEvaluation evaluation) {
        Evaluation recorded = evaluations.evaluate(submissionId, replyId, evaluation.rating(), evaluation.comment());
        return Response.created(URI.create("/api/v1/submissions/" + submissionId)).entity(EvaluationView.of(recorded))
                .build();
    }
}
