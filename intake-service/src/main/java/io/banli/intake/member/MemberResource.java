package io.banli.intake.member;

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

import io.banli.intake.member.MemberApi.MemberView;
import io.banli.intake.member.MemberApi.NewMember;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/members")
@Tag(name = "Members", description = "Deputies and CPPCC members. Phone numbers are personal information: "
        + "only the office sees them unmasked.")
public class MemberResource {

    @Inject
    MemberService members;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Register a member", description = "A deputy (with delegation 代表团) or a CPPCC member "
            + "(with sector 界别).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "deputy", value = """
            {"kind": "DEPUTY", "name": "陈晓明", "delegation": "东城区代表团", "phone": "13800138000",
             "email": "chenxm@example.com", "address": "北京市东城区和平里街道1号"}""")))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MemberView.class), examples = @ExampleObject(
            name = "registered", value = """
            {"id": 5, "kind": "DEPUTY", "name": "陈晓明", "delegation": "东城区代表团", "phone": "13800138000",
             "email": "chenxm@example.com", "address": "北京市东城区和平里街道1号"}""")))
    public Response register(@Valid @NotNull NewMember request) {
        MemberView member = members.register(request);
        return Response.created(URI.create("/api/v1/members/" + member.id())).entity(member).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR, Roles.PLATFORM})
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @io.banli.kit.audit.AuditedRead(subject = "member")
    @Operation(summary = "List members", description = """
            Contact data (phone, e-mail, address) is masked unless the caller is the office. A platform sees only the
            members its registration covers (by id or delegation); with a `member_id` in its token, only that member.""")
    @APIResponse(responseCode = "200", description = "All members", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = MemberView.class), examples = @ExampleObject(
            name = "demo", value = """
            [{"id": 1, "kind": "DEPUTY", "name": "王建华", "delegation": "东城区代表团", "phone": "139****1001",
             "email": null, "address": null}]""")))
    public List<MemberView> list() {
        return members.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.PLATFORM, Roles.MEMBER})
    @RequiresScope(Scopes.SUBMISSIONS_READ)
    @io.banli.kit.audit.AuditedRead(subject = "member")
    @Operation(summary = "Get a member", description = "A member (or a portal acting for one) may read only their own "
            + "record; a platform whose token names no member, the members its registration covers; a leader, the "
            + "proposers of the key items they lead.")
    @APIResponse(responseCode = "200", description = "The member", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MemberView.class), examples = @ExampleObject(
            name = "demo", value = """
            {"id": 1, "kind": "DEPUTY", "name": "王建华", "delegation": "东城区代表团", "phone": "139****1001",
             "email": null, "address": null}""")))
    public MemberView get(@Parameter(example = "1") @PathParam("id") long id) {
        return members.get(id);
    }
}
