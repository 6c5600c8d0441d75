package io.banli.intake.session;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.session.SessionApi.NewSession;
import io.banli.intake.session.SessionApi.SessionView;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.quarkus.security.Authenticated;

@Path("/api/v1/sessions")
@Tag(name = "Sessions", description = "People's congress and CPPCC sessions (会议); submissions are numbered per session.")
public class SessionResource {

    @Inject
    SessionService sessions;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Open a session", description = "Only the office opens sessions. Names are unique. "
            + "Portals may file only inside the intake window (either end may be left open).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "cppcc", value = """
            {"kind": "CPPCC", "level": "CITY", "name": "市政协六届四次会议", "year": 2026}""")))
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SessionView.class), examples = @ExampleObject(name = "opened",
            value = """
            {"id": 3, "kind": "CPPCC", "level": "CITY", "name": "市政协六届四次会议", "year": 2026,
             "opensOn": "2026-01-10", "closesOn": "2026-01-14",
             "intakeOpensAt": "2025-12-20T00:00:00Z", "intakeClosesAt": "2026-01-13T10:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Missing fields, or dates out of order")
    @APIResponse(responseCode = "409", description = "A session with this name exists")
    public Response open(@Valid @NotNull NewSession request) {
        SessionView session = sessions.open(request);
        return Response.created(URI.create("/api/v1/sessions/" + session.id())).entity(session).build();
    }

    @GET
    @Authenticated
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "List sessions", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "All sessions", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class), examples = @ExampleObject(
            name = "demo", value = """
            [{"id": 1, "kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "市六届人大三次会议", "year": 2025}]""")))
    public List<SessionView> list() {
        return sessions.list();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "Get a session")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SessionView.class), examples = @ExampleObject(
            name = "demo", value = """
            {"id": 1, "kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "市六届人大三次会议", "year": 2025}""")))
    public SessionView get(@Parameter(example = "1") @PathParam("id") long id) {
        return sessions.get(id);
    }
}
