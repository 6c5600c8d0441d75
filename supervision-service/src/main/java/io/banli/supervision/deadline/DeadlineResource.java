package io.banli.supervision.deadline;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@Path("/api/v1/deadlines")
@Tag(name = "Deadlines", description = "Every assigned unit's deadlines and whether they were met.")
public class DeadlineResource {

    @Inject
    Caller caller;

    public record DeadlineView(Long id, Long submissionId, Long unitId, Stage stage, Instant startsAt, Instant dueAt,
            DeadlineState state, Instant metAt, Boolean metOnTime, Instant overdueAt) {
        static DeadlineView of(Deadline d) {
            return new DeadlineView(d.id, d.submissionId, d.unitId, d.stage, d.startsAt, d.dueAt, d.state, d.metAt,
                    d.metOnTime, d.overdueAt);
        }
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "List deadlines", description = """
            Filtered by submission and/or state, soonest due first. A unit sees only its own deadlines.""")
    @APIResponse(responseCode = "200", description = "Deadlines", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "demo", value = """
            [{"id": 1, "submissionId": 1, "unitId": 1, "stage": "REPLY", "startsAt": "2025-02-10T01:30:00Z",
              "dueAt": "2025-05-10T15:59:59.999999Z", "state": "MET", "metAt": "2025-04-01T02:00:00Z",
              "metOnTime": true, "overdueAt": null}]""")))
    public List<DeadlineView> list(
            @Parameter(description = "Only this submission", example = "1") @QueryParam("submissionId") Long submissionId,
            @Parameter(description = "Only deadlines in this state", example = "OPEN") @QueryParam("state")
            DeadlineState state) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (submissionId != null) {
            where.append(" and submissionId = :submission");
            params.and("submission", submissionId);
        }
        if (state != null) {
            where.append(" and state = :state");
            params.and("state", state);
        }
        if (!caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.AUDITOR)) {
            where.append(" and unitId = :unit");
            params.and("unit", caller.unitId().orElse(-1L));
        }
        return Deadline.<Deadline>find(where.toString(), Sort.by("dueAt").and("id"), params).page(0, 500).list()
                .stream().map(DeadlineView::of).toList();
    }
}
