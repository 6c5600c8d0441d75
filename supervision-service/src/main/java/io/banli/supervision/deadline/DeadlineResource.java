package io.banli.supervision.deadline;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

import io.banli.kit.http.PageList;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@Path("/api/v1/deadlines")
@Tag(name = "Deadlines", description = "Every assigned unit's deadlines, their traffic light, and whether they were met.")
public class DeadlineResource {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** GREEN: running; YELLOW: a warning has been raised; RED: overdue; none once met or closed. */
    public enum Light {
        GREEN,
        YELLOW,
        RED
    }

    public record DeadlineView(Long id, Long submissionId, Long assignmentId, Long unitId, Stage stage,
            @Schema(nullable = true) Long commitmentId, int cycle, String kind, String level, boolean keyItem,
                    @Schema(nullable = true) String leadingOfficial,
            Instant startsAt, Instant dueAt, DeadlineState state, @Schema(nullable = true) Light light, Instant metAt,
            Boolean metOnTime,
            @Schema(nullable = true) Instant overdueAt, boolean extended, boolean provisional) {
        static DeadlineView of(Deadline d, boolean warned) {
            Light light = switch (d.state) {
                case OVERDUE -> Light.RED;
                case OPEN -> warned ? Light.YELLOW : Light.GREEN;
                default -> null;
            };
            return new DeadlineView(d.id, d.submissionId, d.assignmentId, d.unitId, d.stage, d.commitmentId, d.cycle,
                    d.kind, d.level, d.keyItem, d.leadingOfficial, d.startsAt, d.dueAt, d.state, light, d.metAt,
                    d.metOnTime, d.overdueAt, d.extended, d.provisional);
        }
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "List deadlines", description = """
            Filtered by submission, state, stage and unit, soonest due first: the traffic-light view of what is
            due. A unit sees only its own deadlines; a leader only those of the key items they lead (the token's
            `leader_name` is the item's leading official). Windows that passed unused are `EXPIRED`.""")
    @APIResponse(responseCode = "200", description = "Deadlines", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeadlineView.class),
            examples = @ExampleObject(name = "demo", value = """
            [{"id": 2, "submissionId": 1, "assignmentId": 1, "unitId": 1, "stage": "REPLY", "commitmentId": null,
              "cycle": 1, "kind": "SUGGESTION", "level": "CITY", "keyItem": false, "leadingOfficial": null,
              "startsAt": "2025-02-10T01:30:00Z",
              "dueAt": "2025-05-12T15:59:59.999999Z", "state": "MET", "light": null,
              "metAt": "2025-04-01T02:00:00Z", "metOnTime": true, "overdueAt": null, "extended": false,
              "provisional": false}]""")))
    public List<DeadlineView> list(
            @Parameter(description = "Only this submission", example = "1") @QueryParam("submissionId") Long submissionId,
            @Parameter(description = "Only deadlines in this state", example = "OPEN") @QueryParam("state")
            DeadlineState state,
            @Parameter(description = "Only this stage", example = "REPLY") @QueryParam("stage") Stage stage,
            @Parameter(description = "Only this unit", example = "2") @QueryParam("unitId") Long unitId,
            @Parameter(description = "Only missed deadlines (overdue, or met late) whose unit has not filed its "
                    + "overdue explanation", example = "true") @QueryParam("explanationMissing") Boolean missing,
            @Parameter(description = "Page, from 0", example = "0") @QueryParam("page") @DefaultValue("0") @Min(0)
            int page,
            @Parameter(description = "Page size, 1–500", example = "500") @QueryParam("size") @DefaultValue("500")
            @Min(1) @Max(500) int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter(where, params, "submissionId", submissionId);
        filter(where, params, "state", state);
        filter(where, params, "stage", stage);
        filter(where, params, "unitId", unitId);
        if (!caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.AUDITOR)) {
            if (caller.hasRole(Roles.LEADER)) {
                // A leader sees the key items they lead (领衔督办), nothing else; without a name, nothing.
                filter(where, params, "keyItem", true);
                filter(where, params, "leadingOfficial", caller.leaderName().orElse(null));
                if (caller.leaderName().isEmpty()) {
                    return List.of();
                }
            } else {
                filter(where, params, "unitId", caller.unitId().orElse(-1L));
            }
        }
        if (Boolean.TRUE.equals(missing)) {
            where.append(" and (state = :overdueState or (state = :metState and metOnTime = false))"
                    + " and stage in :duties and id not in (select e.deadlineId from OverdueExplanation e)");
            params.and("overdueState", DeadlineState.OVERDUE).and("metState", DeadlineState.MET)
                    .and("duties", Arrays.stream(Stage.values()).filter(Stage::unitDuty).toList());
        }
        PanacheQuery<Deadline> query = Deadline.find(where.toString(), Sort.by("dueAt").and("id"), params);
        List<Deadline> found = query.page(page, size).list();
        Set<Long> warned = warned(found.stream().map(d -> d.id).toList());
        // A page of a plain array: the body is unchanged, the kit adds Link and X-Total-Count.
        return new PageList<>(found.stream().map(d -> DeadlineView.of(d, warned.contains(d.id))).toList(), page, size,
                query.count());
    }

    private static void filter(StringBuilder where, Parameters params, String field, Object value) {
        if (value != null) {
            String name = field + params.map().size();
            where.append(" and ").append(field).append(" = :").append(name);
            params.and(name, value);
        }
    }

    /** The deadlines among these for which a yellow warning has been raised. */
    @SuppressWarnings("unchecked")
    private Set<Long> warned(List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Number> rows = em.createNativeQuery("select distinct deadline_id from deadline_alert "
                + "where deadline_id in (:ids) and fired_at is not null and level like 'YELLOW-%'")
                .setParameter("ids", ids).getResultList();
        Set<Long> warned = new HashSet<>();
        rows.forEach(id -> warned.add(id.longValue()));
        return warned;
    }
}
