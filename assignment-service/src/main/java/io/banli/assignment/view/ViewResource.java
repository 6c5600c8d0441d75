package io.banli.assignment.view;

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

import io.banli.assignment.submission.SubmissionState;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1")
@Tag(name = "Views", description = "The office's board, a unit's inbox, a member's items.")
public class ViewResource {

    @Inject
    Views views;

    @GET
    @Path("/board")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "The office's board", description = """
            Submissions by state, unit, session and overdue flag (from supervision's alerts), with every unit's
            part. Paged (page from 0, size up to 200) with the total. A leader's board holds only the key items
            they lead (the token's `leader_name` is their leading official).""")
    @APIResponse(responseCode = "200", description = "One page of the board", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = Views.BoardPage.class),
            examples = @ExampleObject(name = "board", value = """
            {"total": 1, "page": 0, "size": 50, "items": [{"submissionId": 2, "sessionId": 1, "number": 2,
              "title": "关于优化公交线网的建议", "state": "ASSIGNED", "keyItem": false, "overdue": true,
              "units": [{"unitId": 2, "unitName": "市交通运输局", "role": "LEAD", "state": "HANDLING", "overdue": true},
                        {"unitId": 3, "unitName": "市规划和自然资源局", "role": "CO", "state": "OPINION_SENT",
                         "overdue": false}]}]}""")))
    @APIResponse(responseCode = "400", description = "A filter or paging parameter of the wrong type or range")
    public Views.BoardPage board(@Parameter(example = "1") @QueryParam("sessionId") Long sessionId,
            @QueryParam("state") SubmissionState state, @QueryParam("unitId") Long unitId,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return views.board(sessionId, state, unitId, overdue, page, size);
    }

    @GET
    @Path("/inbox")
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "The caller's unit's inbox", description = """
            Every part of the caller's unit that needs it: review a pre-assignment, sign for, send an opinion,
            draft, sign (head) or submit a reply, re-handle; with the next action named.""")
    @APIResponse(responseCode = "200", description = "What the unit must do", content = @Content(
            mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Views.InboxRow.class),
            examples = @ExampleObject(name = "inbox", value = """
            [{"submissionId": 2, "number": 2, "title": "关于优化公交线网的建议", "role": "LEAD", "state": "ASSIGNED",
              "round": 1, "nextAction": "SIGN_FOR", "assignedAt": "2025-02-10T01:30:00Z", "overdue": false}]""")))
    public List<Views.InboxRow> inbox() {
        return views.inbox();
    }

    @GET
    @Path("/my-items")
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM})
    @RequiresScope(Scopes.PROGRESS_READ)
    @Operation(summary = "The member's items and their replies", description = """
            For the member named in the token (a portal acts for the member in its `member_id` claim): every item
            they proposed or co-signed, its units, and every sent reply with its fingerprint and whether the member
            may evaluate it now. An item merged into another (并案, `state` MERGED) names its host in `mergedIntoId`
            and shows the host's units and replies: the member rates them on the host
            (`POST /api/v1/submissions/{mergedIntoId}/replies/{replyId}/evaluations`).""")
    @APIResponse(responseCode = "200", description = "The member's items", content = @Content(
            mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Views.MemberItem.class),
            examples = @ExampleObject(name = "items", value = """
            [{"submissionId": 1, "number": 1, "title": "关于增加中小学课后服务供给的建议", "state": "ASSIGNED",
              "myRole": "PROPOSER",
              "units": [{"unitId": 1, "unitName": "市教育局", "role": "SOLE", "state": "REPLIED", "overdue": false}],
              "replies": [{"replyId": 1, "unitId": 1, "unitName": "市教育局", "version": 1, "round": 1,
                "resultClass": "A", "disclosure": "PUBLIC", "text": "……", "fingerprint": "9f2c…", "state": "SENT",
                "repliedAt": "2025-04-03T02:00:00Z", "canEvaluate": true}],
              "mergedIntoId": null}]""")))
    public List<Views.MemberItem> memberItems() {
        return views.memberItems();
    }
}
