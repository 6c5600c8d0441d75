package io.banli.reporting.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import jakarta.validation.constraints.Size;

@Path("/api/v1/audit-log")
@Tag(name = "Audit", description = "Who exported figures, generated reports or rebuilt the projection.")
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "Read reporting's audit log, newest first")
    @APIResponse(responseCode = "200", description = "Entries", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class),
            examples = @ExampleObject(name = "export", value = """
                    [{"id": 12, "at": "2025-06-01T02:00:00Z", "actor": "office-demo", "roles": "office",
                      "action": "export.items", "subjectType": "export", "subjectId": "items",
                      "detail": "filter: sessionId=1"}]""")))
    @APIResponse(responseCode = "400", description = "A limit out of range")
    public List<AuditEntry> list(@Parameter(description = "Only this action, e.g. export.items", example = "export.items")
            @QueryParam("action") @Size(max = 100) String action,
            @Parameter(description = "At most this many (1–500, default 100)", example = "100")
            @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw Problems.badInput("invalid-parameter", "limit", "query", "must be between 1 and 500");
        }
        return audit.newest(action, n);
    }
}
