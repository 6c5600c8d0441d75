package io.banli.supervision.action;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.banli.supervision.deadline.SupervisionEvents;
import io.quarkus.panache.common.Parameters;

@Path("/api/v1/supervision-actions")
@Tag(name = "Supervision actions", description = "督办: reminder calls, written notices, inspections and interviews.")
public class ActionResource {

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    /** About an item, a unit, or a unit's part in an item: at least one of the two. */
    public record NewAction(Long submissionId, Long unitId, @NotNull ActionKind kind,
            @NotBlank @Size(max = 5000) String note, @NotNull LocalDate takenOn) {
    }

    public record ActionView(Long id, Long submissionId, Long unitId, ActionKind kind, String note, LocalDate takenOn,
            Instant recordedAt, String recordedBy) {
        static ActionView of(SupervisionAction a) {
            return new ActionView(a.id, a.submissionId, a.unitId, a.kind, a.note, a.takenOn, a.recordedAt,
                    a.recordedBy);
        }
    }

    /** Data of {@code banli.supervision.supervision-action-recorded.v1}. */
    public record ActionRecordedV1(long actionId, Long submissionId, Long unitId,
            @Schema(implementation = ActionKind.class) String kind, LocalDate takenOn) {
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Record a supervision action", description = """
            Publishes `banli.supervision.supervision-action-recorded.v1`, keyed by the submission id, or `unit-<id>` for an
            action about a unit as a whole.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "interview",
            value = """
            {"submissionId": 2, "unitId": 2, "kind": "INTERVIEW", "note": "约谈分管负责人，要求5个工作日内报送办理方案。",
             "takenOn": "2025-05-14"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ActionView.class),
            examples = @ExampleObject(name = "interview", value = """
            {"id": 1, "submissionId": 2, "unitId": 2, "kind": "INTERVIEW",
             "note": "约谈分管负责人，要求5个工作日内报送办理方案。", "takenOn": "2025-05-14",
             "recordedAt": "2025-05-14T08:00:00Z", "recordedBy": "office-demo"}""")))
    @APIResponse(responseCode = "422", description = "Neither a submission nor a unit named")
    public Response record(@Valid @NotNull NewAction request) {
        if (request.submissionId() == null && request.unitId() == null) {
            throw Problems.unprocessable("no-subject", "Name the submission, the unit, or both.");
        }
        SupervisionAction action = new SupervisionAction();
        action.submissionId = request.submissionId();
        action.unitId = request.unitId();
        action.kind = request.kind();
        action.note = request.note();
        action.takenOn = request.takenOn();
        action.recordedAt = change.now();
        action.recordedBy = change.actor();
        action.persist();
        String key = action.submissionId != null ? action.submissionId.toString() : "unit-" + action.unitId;
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.ACTION_RECORDED, key, new ActionRecordedV1(
                action.id, action.submissionId, action.unitId, action.kind.name(), action.takenOn));
        change.audit("supervision-action.recorded", "supervision-action", action.id, action.kind + " " + key);
        return Response.created(URI.create("/api/v1/supervision-actions?submissionId=" + action.submissionId))
                .entity(ActionView.of(action)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "List supervision actions", description = """
            Newest first. A unit sees the actions about it; a leader those about the key items they lead.""")
    @APIResponse(responseCode = "200", description = "Actions", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ActionView.class),
            examples = @ExampleObject(name = "demo", value = """
            [{"id": 1, "submissionId": 2, "unitId": 2, "kind": "INTERVIEW",
              "note": "约谈分管负责人，要求5个工作日内报送办理方案。", "takenOn": "2025-05-14",
              "recordedAt": "2025-05-14T08:00:00Z", "recordedBy": "office-demo"}]""")))
    public List<ActionView> list(
            @Parameter(description = "Only about this submission", example = "2") @QueryParam("submissionId")
            Long submissionId,
            @Parameter(description = "Only about this unit", example = "2") @QueryParam("unitId") Long unitId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (submissionId != null) {
            where.append(" and submissionId = :submission");
            params.and("submission", submissionId);
        }
        if (caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.AUDITOR)) {
            // A leader follows the key items they lead, and only those.
            where.append(" and submissionId in (select d.submissionId from Deadline d where d.keyItem = true"
                    + " and d.leadingOfficial = :leader)");
            params.and("leader", caller.leaderName().orElse(""));
        }
        Long unit = caller.hasRole(Roles.UNIT_STAFF) || caller.hasRole(Roles.UNIT_HEAD)
                ? caller.unitId().orElse(-1L) : unitId;
        if (unit != null) {
            where.append(" and unitId = :unit");
            params.and("unit", unit);
        }
        return SupervisionAction.<SupervisionAction>find(where + " order by recordedAt desc, id desc", params)
                .page(0, 500).list().stream().map(ActionView::of).toList();
    }
}
