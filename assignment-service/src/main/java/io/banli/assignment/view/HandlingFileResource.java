package io.banli.assignment.view;

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

/**
 * The handling file of a submission. It reads every capability, so it sits with the other read models; the
 * operation keeps the id it had beside the assignment endpoints, which clients generate their method names from.
 */
@Path("/api/v1/submissions/{submissionId}")
@Tag(name = "Handling")
public class HandlingFileResource {

    @Inject
    HandlingFileQuery handlingFiles;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(operationId = "AssignmentResource_get", summary = "Get the handling file of a submission", description = """
            The submission with its units, contacts, opinions, replies and evaluations. A unit sees only
            submissions assigned to it, and of the replies only its own; a leader only the key items they lead.""")
    @APIResponse(responseCode = "200", description = "The handling file",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HandlingFile.class), examples = @ExampleObject(
            name = "demo", value = """
            {"submissionId": 1, "sessionId": 1, "number": 1, "kind": "SUGGESTION", "state": "ASSIGNED",
             "title": "关于增加中小学课后服务供给的建议", "field": "SOCIAL_LIVELIHOOD", "leadProposer": "王建华",
             "keyItem": false, "leadingOfficial": null,
             "assignments": [{"id": 1, "unitId": 1, "mode": "SOLE", "role": "SOLE", "state": "REPLIED", "round": 1,
               "assignedAt": "2025-02-10T01:30:00Z", "signedAt": "2025-02-11T01:30:00Z", "overdue": false}],
             "contacts": [], "opinions": [],
             "replies": [{"id": 1, "unitId": 1, "version": 1, "round": 1, "state": "SENT", "resultClass": "A",
               "text": "…", "fingerprint": "9f2c…", "submittedAt": "2025-04-01T02:00:00Z"}],
             "evaluations": []}""")))
    public HandlingFile get(@Parameter(example = "1") @PathParam("submissionId") long submissionId) {
        return handlingFiles.find(submissionId);
    }
}
