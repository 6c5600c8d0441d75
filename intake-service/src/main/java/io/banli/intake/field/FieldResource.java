package io.banli.intake.field;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.field.FieldApi.FieldChange;
import io.banli.intake.field.FieldApi.FieldView;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.quarkus.security.Authenticated;

@Path("/api/v1/fields")
@Tag(name = "Fields", description = "The taxonomy of subject fields (类别); the seeds' six fields are the defaults.")
public class FieldResource {

    @Inject
    FieldService fields;

    @GET
    @Authenticated
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @Operation(summary = "List the subject fields")
    @APIResponse(responseCode = "200", description = "The taxonomy", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FieldView.class),
            examples = @ExampleObject(name = "defaults", value = """
            [{"code": "ECONOMY_SCIENCE", "name": "经济科技", "active": true}]""")))
    public List<FieldView> list() {
        return fields.list();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Add, rename or retire a field", description = "A retired field (`active: false`) keeps "
            + "its items but takes no new ones.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "ecology", value = """
            {"name": "生态环境", "active": true}""")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = FieldView.class),
            examples = @ExampleObject(name = "stored", value = """
            {"code": "ECOLOGY", "name": "生态环境", "active": true}""")))
    @APIResponse(responseCode = "400", description = "A code that is not UPPER_SNAKE_CASE, or a missing name")
    public FieldView put(@Parameter(example = "ECOLOGY") @PathParam("code")
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be UPPER_SNAKE_CASE, at most 40 characters")
            @Schema(maxLength = 40) String code,
            @Valid @NotNull FieldChange change) {
        return fields.store(code, change);
    }
}
