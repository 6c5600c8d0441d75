package io.banli.intake.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

import io.banli.kit.security.Roles;

@Path("/api/v1/audit-log")
@Tag(name = "Audit log", description = "The append-only record of every state change in intake.")
public class AuditResource {

    @Inject
    EntityManager em;

    /** One entry: who (user and roles), when, what, on which subject; the detail names the states before and after. */
    public record AuditEntry(long id, Instant at, String actor, String roles, String action, String subjectType,
            String subjectId, String detail) {
    }

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
    @SuppressWarnings("unchecked")
    public List<AuditEntry> read(
            @Parameter(example = "submission") @QueryParam("subjectType") @Size(max = 100) String subjectType,
            @Parameter(example = "1") @QueryParam("subjectId") @Size(max = 100) String subjectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        String where = (subjectType == null ? "" : " and subject_type = :type") + (subjectId == null ? "" : " and subject_id = :sid");
        var query = em.createNativeQuery("select id, at, actor, roles, action, subject_type, subject_id, detail "
                + "from audit_log where true" + where + " order by id limit :size offset :offset");
        if (subjectType != null) {
            query.setParameter("type", subjectType);
        }
        if (subjectId != null) {
            query.setParameter("sid", subjectId);
        }
        List<Object[]> rows = query.setParameter("size", size).setParameter("offset", (long) page * size).getResultList();
        return rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
