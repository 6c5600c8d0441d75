package io.banli.reporting.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;

@Path("/api/v1/projection/rebuilds")
@Tag(name = "Projection", description = "Rebuilding the read model from the topics.")
public class RebuildResource {

    static final String EXAMPLE = """
            {"id": 1, "state": "DONE", "startedAt": "2025-06-01T02:00:00Z", "finishedAt": "2025-06-01T02:00:04Z",
             "total": 5210, "applied": 5210, "matchesLive": true, "detail": "rebuilt statistics equal the live ones"}""";

    @Inject
    RebuildService rebuilds;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Replay every topic from the beginning into a fresh projection", description = """
            Runs in the background: follow its progress (applied of total records) with GET. At the end the live
            consumer is held for a moment, the last records are caught up, the rebuilt statistics are compared with
            the live ones (`matchesLive`) and the fresh projection takes the live one's place. Audited.""")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RebuildRun.class),
            examples = @ExampleObject(name = "started", value = """
                    {"id": 1, "state": "RUNNING", "startedAt": "2025-06-01T02:00:00Z", "finishedAt": null,
                     "total": 0, "applied": 0, "matchesLive": null, "detail": null}""")))
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    public Response start() {
        RebuildRun run = rebuilds.start();
        return Response.accepted(run).header("Location", "/api/v1/projection/rebuilds/" + run.id()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "Progress and outcome of a rebuild")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RebuildRun.class),
            examples = @ExampleObject(name = "done", value = EXAMPLE)))
    public RebuildRun get(@PathParam("id") long id) {
        return rebuilds.find(id).orElseThrow(() -> Problems.notFound("rebuild", id));
    }
}
