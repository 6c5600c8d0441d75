package io.banli.reporting.followup;

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

@Path("/api/v1/sessions/{sessionId}/follow-up")
@Tag(name = "Follow-up", description = "The follow-up across years (回头看) of the previous session's B-class items "
        + "and commitments.")
public class FollowUpResource {

    @Inject
    FollowUpQuery followUp;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "The previous session's B-class items and commitments, with progress", description = """
            The previous session is the latest earlier session of the same body (same kind and level), by year.
            Lists its items answered as B class (正在解决或列入计划逐步解决) by a replying unit, or promising a
            commitment (承诺事项), each commitment with its latest progress; a commitment not fulfilled past its day
            is overdue (`overdue`, `overdueDays`). `commitments` = `fulfilled` + `inProgress`; `overdue` is part of
            `inProgress`. A leader's list holds only the key items they lead. No previous session: an empty list.""")
    @APIResponse(responseCode = "200", description = "The follow-up", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = FollowUp.class),
            examples = @ExampleObject(name = "one overdue", value = """
            {"session": {"id": 2, "name": "市六届人大四次会议", "kind": "PEOPLES_CONGRESS", "level": "CITY", "year": 2026},
             "previousSession": {"id": 1, "name": "市六届人大三次会议", "kind": "PEOPLES_CONGRESS", "level": "CITY",
               "year": 2025},
             "asOf": "2026-03-01", "bClassItems": 1, "commitments": 1, "fulfilled": 0, "inProgress": 1, "overdue": 1,
             "items": [{"submissionId": 51, "number": 39, "title": "关于增加中小学课后服务供给的建议",
               "proposer": "王建华", "units": "市教育局", "classes": "B", "bClass": true,
               "commitments": [{"commitmentId": 7, "unitName": "市教育局", "promisedOn": "2025-09-30", "percent": 60,
                 "fulfilled": false, "progressedOn": "2025-12-01", "overdue": true, "overdueDays": 152}]}]}""")))
    @APIResponse(responseCode = "404", description = "No registered item names this session")
    public FollowUp get(@Parameter(description = "The session doing the follow-up", example = "2")
            @PathParam("sessionId") long sessionId) {
        return followUp.followUp(sessionId);
    }
}
