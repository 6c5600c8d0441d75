package io.banli.intake.submission;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@Path("/api/v1/submissions")
@Tag(name = "Submissions", description = "Deputies' suggestions (建议) and CPPCC members' proposals (提案).")
public class SubmissionResource {

    @Inject
    SubmissionService service;

    @Inject
    Caller caller;

    /** A submission as the office or a portal files it. */
    public record NewSubmission(
            @NotNull SubmissionKind kind,
            @NotNull Long sessionId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body,
            @NotNull Field field,
            @NotNull Long leadProposerId) {
    }

    public record SubmissionView(Long id, Long sessionId, int number, SubmissionKind kind, String title, String body,
            Field field, Long leadProposerId, SubmissionState state, Instant registeredAt, long version) {

        static SubmissionView of(Submission s) {
            return new SubmissionView(s.id, s.sessionId, s.number, s.kind, s.title, s.body, s.field,
                    s.leadProposerId, s.state, s.registeredAt, s.version);
        }
    }

    public record SubmissionPage(List<SubmissionView> items, int page, int size, long total) {
    }

    @POST
    @RolesAllowed({Roles.OFFICE, Roles.PLATFORM})
    @Operation(summary = "Register a submission", description = """
            Registers (立案) a suggestion at a people's congress session or a proposal at a CPPCC session, gives it
            the session's next number and publishes `banli.intake.submission.registered.v1`. The lead proposer
            must be a deputy for a suggestion and a CPPCC member for a proposal.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "suggestion", value = """
            {"kind": "SUGGESTION", "sessionId": 1, "title": "关于加快老旧小区加装电梯的建议",
             "body": "建议简化审批流程，设立专项补贴，推动老旧小区加装电梯。", "field": "URBAN_CONSTRUCTION_TRANSPORT",
             "leadProposerId": 1}""")))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "registered", value = """
            {"id": 4, "sessionId": 1, "number": 4, "kind": "SUGGESTION", "title": "关于加快老旧小区加装电梯的建议",
             "body": "建议简化审批流程，设立专项补贴，推动老旧小区加装电梯。", "field": "URBAN_CONSTRUCTION_TRANSPORT",
             "leadProposerId": 1, "state": "REGISTERED", "registeredAt": "2025-01-20T02:00:00Z", "version": 0}""")))
    @APIResponse(responseCode = "422", description = "Unknown session or member, or a kind that does not fit them")
    public Response register(@Valid @NotNull NewSubmission request) {
        Submission submission = service.register(request);
        return Response.created(URI.create("/api/v1/submissions/" + submission.id))
                .entity(SubmissionView.of(submission)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM, Roles.MEMBER})
    @Operation(summary = "Get a submission", description = "A member sees only the submissions they lead.")
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "demo", value = """
            {"id": 1, "sessionId": 1, "number": 1, "kind": "SUGGESTION", "title": "关于增加中小学课后服务供给的建议",
             "body": "…", "field": "SOCIAL_LIVELIHOOD", "leadProposerId": 1, "state": "REGISTERED",
             "registeredAt": "2025-01-20T02:00:00Z", "version": 0}""")))
    public SubmissionView get(@Parameter(example = "1") @PathParam("id") long id) {
        return Submission.<Submission>findByIdOptional(id)
                .filter(this::visible)
                .map(SubmissionView::of)
                .orElseThrow(() -> Problems.notFound("submission", id));
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM, Roles.MEMBER})
    @Operation(summary = "List submissions", description = "By session and number. A member sees only their own.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "demo", value = """
            {"items": [{"id": 1, "sessionId": 1, "number": 1, "kind": "SUGGESTION",
             "title": "关于增加中小学课后服务供给的建议", "body": "…", "field": "SOCIAL_LIVELIHOOD", "leadProposerId": 1,
             "state": "REGISTERED", "registeredAt": "2025-01-20T02:00:00Z", "version": 0}],
             "page": 0, "size": 20, "total": 1}""")))
    public SubmissionPage list(
            @Parameter(description = "Only this session", example = "1") @QueryParam("sessionId") Long sessionId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (sessionId != null) {
            where.append(" and sessionId = :session");
            params.and("session", sessionId);
        }
        if (caller.hasRole(Roles.MEMBER) && !caller.hasRole(Roles.OFFICE)) {
            where.append(" and leadProposerId = :member");
            params.and("member", caller.memberId().orElse(-1L));
        }
        PanacheQuery<Submission> query = Submission.find(where.toString(), Sort.by("sessionId").and("number"), params);
        List<SubmissionView> items = query.page(Page.of(page, size)).list().stream().map(SubmissionView::of).toList();
        return new SubmissionPage(items, page, size, query.count());
    }

    private boolean visible(Submission s) {
        if (caller.hasRole(Roles.MEMBER) && !caller.hasRole(Roles.OFFICE)) {
            return caller.memberId().filter(s.leadProposerId::equals).isPresent();
        }
        return true;
    }
}
