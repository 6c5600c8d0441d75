package io.banli.assignment.unit;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;

@Path("/api/v1/units")
@Tag(name = "Units", description = "Handling units (承办单位): bureaus, commissions, district governments.")
public class UnitResource {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** Liaison officer (联络员) and head (负责人): name and phone, personal information. */
    public record Person(@Size(max = 50) String name, @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*") String phone) {
    }

    public record NewUnit(@NotBlank @Size(max = 100) String name, @NotNull UnitKind kind, @Valid Person liaison,
            @Valid Person head) {
    }

    public record UnitView(Long id, String name, UnitKind kind, boolean active, Person liaison,
    @Schema(nullable = true) Person head) {
    }

    /** Phones are shown whole only to the office and to the unit's own people; masked for everyone else. */
    UnitView view(Unit u) {
        boolean whole = caller.hasRole(Roles.OFFICE) || caller.unitId().filter(u.id::equals).isPresent();
        return new UnitView(u.id, u.name, u.kind, u.active, person(u.liaisonName, u.liaisonPhone, whole),
                person(u.headName, u.headPhone, whole));
    }

    private static Person person(String name, String phone, boolean whole) {
        if (name == null && phone == null) {
            return null;
        }
        return new Person(name, whole || phone == null || phone.length() < 7 ? phone
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4));
    }

    @POST
    @Transactional
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
        if (Unit.count("name", request.name()) > 0) {
            throw Problems.problem(409, "duplicate-unit", "Conflict", "A unit named " + request.name() + " exists.");
        }
        Unit unit = new Unit();
        unit.name = request.name();
        unit.kind = request.kind();
        if (request.liaison() != null) {
            unit.liaisonName = request.liaison().name();
            unit.liaisonPhone = request.liaison().phone();
        }
        if (request.head() != null) {
            unit.headName = request.head().name();
            unit.headPhone = request.head().phone();
        }
        unit.persist();
        audit.record("unit.added", "unit", unit.id, unit.name);
        return Response.created(URI.create("/api/v1/units/" + unit.id)).entity(view(unit)).build();
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
        return Unit.<Unit>listAll(Sort.by("id")).stream().map(this::view).toList();
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
        return Unit.<Unit>findByIdOptional(id).map(this::view).orElseThrow(() -> Problems.notFound("unit", id));
    }
}
