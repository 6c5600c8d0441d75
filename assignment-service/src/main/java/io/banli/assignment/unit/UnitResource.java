package io.banli.assignment.unit;

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

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/units")
@Tag(name = "Units", description = "Handling units (承办单位): bureaus, commissions, district governments.")
public class UnitResource {

    @Inject
    UnitService units;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Add a handling unit")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "bureau", value = """
            {"name": "市卫生健康委员会", "kind": "COMMISSION",
             "liaison": {"name": "陈晓", "phone": "13900001234"}, "head": {"name": "周海", "phone": "13900005678"}}""")))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnitView.class), examples = @ExampleObject(
            name = "added", value = """
            {"id": 5, "name": "市卫生健康委员会", "kind": "COMMISSION", "active": true,
             "liaison": {"name": "陈晓", "phone": "13900001234"}, "head": {"name": "周海", "phone": "13900005678"}}""")))
    @APIResponse(responseCode = "409", description = "A unit with this name exists")
    public Response add(@Valid @NotNull NewUnit request) {
        UnitView unit = units.add(request);
        return Response.created(URI.create("/api/v1/units/" + unit.id())).entity(unit).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List handling units")
    @APIResponse(responseCode = "200", description = "All units", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = UnitView.class), examples = @ExampleObject(
            name = "demo", value = """
            [{"id": 1, "name": "市教育局", "kind": "BUREAU", "active": true,
              "liaison": {"name": "陈晓", "phone": "139****1234"}, "head": null}]""")))
    public List<UnitView> list() {
        return units.list();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Get a handling unit")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnitView.class), examples = @ExampleObject(
            name = "demo", value = """
            {"id": 1, "name": "市教育局", "kind": "BUREAU", "active": true}""")))
    public UnitView get(@Parameter(example = "1") @PathParam("id") long id) {
        return units.find(id).orElseThrow(() -> Problems.notFound("unit", id));
    }
}
