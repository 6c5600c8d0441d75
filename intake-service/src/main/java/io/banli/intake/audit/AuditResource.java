package io.banli.intake.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

import io.banli.intake.audit.AuditApi.AuditEntry;
import io.banli.kit.security.Roles;

@Path("/api/v1/audit-log")
@Tag(name = "Audit log", description = "The append-only record of every state change in intake.")
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.OFFICE})
    @Operation(summary = "Read the audit log", description = "Oldest first; filter by subject, e.g. "
            + "`subjectType=submission&subjectId=7` for one item's history.")
    @APIResponse(responseCode = "200", description = "Entries", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class),
            examples = @ExampleObject(name = "registered", value = """
            [{"id": 12, "at": "2025-01-20T02:00:00Z", "actor": "office-zhang", "roles": "office",
              "action": "submission.registered", "subjectType": "submission", "subjectId": "7",
              "detail": "RECEIVED -> REGISTERED: 市六届人大三次会议 第4号"}]""")))
    @APIResponse(responseCode = "400", description = "A parameter out of range")
    public List<AuditEntry> read(
            @Parameter(example = "submission") @QueryParam("subjectType") @Size(max = 100) String subjectType,
            @Parameter(example = "1") @QueryParam("subjectId") @Size(max = 100) String subjectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return audit.read(subjectType, subjectId, page, size);
    }
}
