package io.banli.supervision.explanation;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import io.banli.supervision.deadline.Deadline;
import io.banli.supervision.deadline.DeadlineState;
import io.banli.supervision.deadline.Stage;
import io.banli.supervision.deadline.SupervisionEvents;

@Path("/api/v1/deadlines/{deadlineId}/explanation")
@Tag(name = "Overdue explanations", description = "超期说明: a unit past a deadline explains in writing why.")
public class ExplanationResource {

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    public record NewExplanation(@NotBlank @Size(max = 5000) String text) {
    }

    public record ExplanationView(Long deadlineId, String text, Instant filedAt, String filedBy) {
        static ExplanationView of(OverdueExplanation e) {
            return new ExplanationView(e.deadlineId, e.text, e.filedAt, e.filedBy);
        }
    }

    /** Data of {@code banli.supervision.explanation-filed.v1}; the text stays in this service. */
    public record ExplanationFiledV1(long submissionId, long deadlineId, long unitId,
            @Schema(implementation = Stage.class) String stage, Instant filedAt) {
    }

    @PUT
    @Transactional
    @RolesAllowed({Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "File the overdue explanation of a deadline", description = """
            Only the unit that owes the deadline, and only once it is overdue or was met late. An explanation is
            a record: it is filed once and never rewritten. Publishes `banli.supervision.explanation-filed.v1`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "explanation",
            value = """
            {"text": "因涉及多部门协调，需待市规划调整方案批复后方能答复，已于5月8日电话告知代表本人。"}""")))
    @APIResponse(responseCode = "200", description = "Filed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExplanationView.class),
            examples = @ExampleObject(name = "filed", value = """
            {"deadlineId": 4, "text": "因涉及多部门协调，需待市规划调整方案批复后方能答复……",
             "filedAt": "2025-05-13T02:00:00Z", "filedBy": "staff-demo"}""")))
    @APIResponse(responseCode = "409", description = "The deadline is not overdue, is not the unit's own duty (an extension decision), or its explanation is filed already")
    public ExplanationView file(@Parameter(example = "4") @PathParam("deadlineId") long deadlineId,
            @Valid @NotNull NewExplanation request) {
        Deadline deadline = ownDeadline(deadlineId);
        // Only a unit's own duty is explained by the unit (an extension decision is the office's).
        boolean late = deadline.stage.unitDuty() && (deadline.state == DeadlineState.OVERDUE
                || deadline.state == DeadlineState.MET && Boolean.FALSE.equals(deadline.metOnTime));
        if (!late) {
            throw Problems.illegalTransition("Deadline " + deadlineId + " is " + deadline.state
                    + (deadline.state == DeadlineState.MET ? " on time" : "") + ": only a missed deadline is explained.");
        }
        if (OverdueExplanation.count("deadlineId", deadlineId) > 0) {
            throw Problems.illegalTransition("The explanation of deadline " + deadlineId + " is filed already.");
        }
        OverdueExplanation explanation = new OverdueExplanation();
        explanation.deadlineId = deadlineId;
        explanation.text = request.text();
        explanation.filedAt = change.now();
        explanation.filedBy = change.actor();
        explanation.persist();
        change.announce(SupervisionEvents.TOPIC, SupervisionEvents.EXPLANATION_FILED,
                deadline.submissionId.toString(), new ExplanationFiledV1(deadline.submissionId, deadline.id,
                        deadline.unitId, deadline.stage.name(), explanation.filedAt));
        change.audit("explanation.filed", "deadline", deadlineId, "unit " + deadline.unitId);
        return ExplanationView.of(explanation);
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Read the overdue explanation of a deadline")
    @APIResponse(responseCode = "200", description = "The explanation", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = ExplanationView.class),
            examples = @ExampleObject(name = "filed", value = """
            {"deadlineId": 4, "text": "因涉及多部门协调，需待市规划调整方案批复后方能答复……",
             "filedAt": "2025-05-13T02:00:00Z", "filedBy": "staff-demo"}""")))
    public ExplanationView read(@Parameter(example = "4") @PathParam("deadlineId") long deadlineId) {
        ownDeadline(deadlineId);
        return OverdueExplanation.<OverdueExplanation>find("deadlineId", deadlineId).firstResultOptional()
                .map(ExplanationView::of)
                .orElseThrow(() -> Problems.notFound("explanation of deadline", deadlineId));
    }

    /**
     * The deadline, if the caller may see it: the office and auditors all; a leader those of the key
     * items they lead; a unit its own.
     */
    private Deadline ownDeadline(long deadlineId) {
        return Deadline.<Deadline>findByIdOptional(deadlineId)
                .filter(d -> caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.AUDITOR)
                        || caller.hasRole(Roles.LEADER) && d.keyItem
                                && caller.leaderName().filter(name -> name.equals(d.leadingOfficial)).isPresent()
                        || caller.unitId().filter(d.unitId::equals).isPresent())
                .orElseThrow(() -> Problems.notFound("deadline", deadlineId));
    }
}
