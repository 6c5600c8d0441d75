package io.banli.assignment.recommendation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Roles;

@Path("/api/v1/submissions/{submissionId}")
@Tag(name = "Recommendation", description = "智能交办: units recommended from the precedents they handled.")
public class RecommendationResource {

    @Inject
    RecommendationService recommendations;

    @GET
    @Path("/recommended-units")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Recommend units for a submission", description = """
            The units that handled the most similar items of this and earlier sessions (similarity of the titles'
            character bigrams), as lead (or sole) units and as co-units, each with a score and up to three
            precedents as the reason: their result class and, when public, their sent reply (an earlier answer to
            point the proposer to). A unit an item was re-assigned away from after a "not ours" request is not
            recommended by that item. Nothing is assigned.""")
    @APIResponse(responseCode = "200", description = "The recommended units, best first (empty: no similar precedent)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecommendedUnits.class),
            examples = @ExampleObject(name = "joint", value = """
            {"submissionId": 41, "title": "关于推进老旧小区加装电梯的建议", "precedentsConsidered": 1830,
             "leadUnits": [{"unitId": 3, "unitName": "市住房和城乡建设局", "score": 0.82, "precedents": [
               {"submissionId": 7, "title": "关于老楼加装电梯的建议", "sessionId": 1, "number": 7,
                "resultClass": "B", "similarity": 0.71, "replyText": "您提出的建议收悉，现答复如下……"}]}],
             "coUnits": [{"unitId": 10, "unitName": "市市场监督管理局", "score": 0.55, "precedents": [
               {"submissionId": 7, "title": "关于老楼加装电梯的建议", "sessionId": 1, "number": 7,
                "resultClass": "B", "similarity": 0.71, "replyText": "您提出的建议收悉，现答复如下……"}]}]}""")))
    @APIResponse(responseCode = "404", description = "No such submission")
    public RecommendedUnits recommend(@Parameter(example = "41") @PathParam("submissionId") long submissionId) {
        return recommendations.recommend(submissionId);
    }
}
