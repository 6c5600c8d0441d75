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

/** The session's pre-fill lives under {@code /api/v1} with the session's other bulk operations. */
@Path("/api/v1")
@Tag(name = "Recommendation")
public class PreFillResource {

    @Inject
    RecommendationService recommendations;

    @GET
    @Path("/sessions/{sessionId}/recommended-pre-assignments")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Pre-fill the bulk pre-assignment of a session", description = """
            For every registered item of the session not yet pre-assigned: the recommended lead unit, and the
            co-units at least half of the similar precedents had (JOINT; otherwise SOLE). `items` has the shape of
            `POST /pre-assignments`: the office reviews, edits and sends it; nothing is assigned before.
            Items without a similar precedent are listed for assignment by hand.""")
    @APIResponse(responseCode = "200", description = "The pre-fill", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SessionPreFill.class), examples = @ExampleObject(name = "session",
            value = """
            {"sessionId": 2, "precedentsConsidered": 1830,
             "items": [{"submissionId": 41, "mode": "JOINT", "leadUnitId": 3, "coUnitIds": [10], "leadScore": 0.82},
                       {"submissionId": 42, "mode": "SOLE", "leadUnitId": 1, "coUnitIds": [], "leadScore": 0.93}],
             "withoutRecommendation": [43]}""")))
    @APIResponse(responseCode = "404", description = "No submission of this session was registered")
    public SessionPreFill preFill(@Parameter(example = "2") @PathParam("sessionId") long sessionId) {
        return recommendations.preFill(sessionId);
    }
}
