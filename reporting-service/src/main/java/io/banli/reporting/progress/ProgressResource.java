package io.banli.reporting.progress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.banli.reporting.platform.RegistryChecked;

/**
 * HTTP only: the member's progress, served by the read side (moved from intake, issue 13) at the path portals
 * already call; the platform's grant is checked against the registry as intake announced it.
 */
@Path("/api/v1/members/{memberId}/progress")
@Tag(name = "Progress", description = "What has become of a member's items, for a delegate-duty portal: one list "
        + "across filing, handling and supervision.")
public class ProgressResource {

    @Inject
    MemberProgress progress;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.PLATFORM, Roles.OFFICE, Roles.AUDITOR})
    @RequiresScope(Scopes.PROGRESS_READ)
    @RegistryChecked
    @io.banli.kit.audit.AuditedRead(subject = "member-progress", idParam = "memberId")
    @Operation(summary = "A member's progress", description = """
            Every item the member leads or is invited to co-sign, drafts included, newest first. `stage` is one of
            DRAFT, CO_SIGNING, FILED, REGISTERED, REFUSED, MERGED, WITHDRAWN, ASSIGNED, HANDLING, REPLIED,
            REHANDLING, CLOSED. With the handling units, open and past deadlines, the replies sent (with the
            letter's path on assignment-service and the text's SHA-256 fingerprint), the member's own evaluations
            and `nextActions` (SIGN_AS_CO_SIGNER, FILE_DRAFT, EVALUATE, WITHDRAW with method, path and deadline).
            A merged item (stage MERGED) names its host in `mergedIntoId` and shows the host's units, deadlines,
            replies and the member's evaluations of them; EVALUATE points at the host's reply.
            A member reads their own, a platform the members it acts for; another member answers 404.""")
    @APIResponse(responseCode = "200", description = "A page of items", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = ProgressView.Page.class),
            examples = @ExampleObject(name = "progress", value = """
                    {"items": [{"id": 1, "sessionId": 1, "number": 1, "title": "关于增加中小学课后服务供给的建议",
                      "kind": "SUGGESTION", "memberRole": "LEAD", "state": "REGISTERED", "stage": "REPLIED",
                      "units": [{"unitId": 1, "unitName": "市教育局", "role": "SOLE",
                                 "assignedAt": "2030-01-20T02:00:00Z", "signedAt": "2030-01-21T02:00:00Z"}],
                      "deadlines": [{"deadlineId": 3, "stage": "EVALUATION", "unitId": 1,
                                     "dueAt": "2030-05-01T16:00:00Z", "state": "OPEN"}],
                      "replies": [{"replyId": 1, "unitId": 1, "round": 1, "resultClass": "A",
                                   "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                   "repliedAt": "2030-04-01T02:00:00Z",
                                   "letterUrl": "/api/v1/submissions/1/replies/1/letter", "disclosure": "PUBLIC"}],
                      "evaluations": [],
                      "nextActions": [{"action": "EVALUATE", "method": "POST",
                                       "path": "/api/v1/submissions/1/replies/1/evaluations",
                                       "until": "2030-05-01T16:00:00Z"}],
                      "mergedIntoId": null}],
                     "page": 0, "size": 20, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "An unknown stage, or a page out of range")
    public ProgressView.Page progress(@Parameter(example = "1") @PathParam("memberId") long memberId,
            @Parameter(description = "Only items at this stage", example = "REPLIED") @QueryParam("stage")
            @Schema(maxLength = 20, pattern = "[A-Z_]+") String stage,
            @Parameter(description = "Only items of this session", example = "1") @QueryParam("sessionId") Long sessionId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return progress.of(memberId, stage, sessionId, page, size);
    }
}
