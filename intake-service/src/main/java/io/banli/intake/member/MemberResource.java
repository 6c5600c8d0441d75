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
import io.banli.intake.member.MemberApi.NewGroup;
import io.banli.intake.member.MemberApi.NewMember;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/members")
@Tag(name = "Members", description = "Deputies, CPPCC members and group proposers (集体提案). Phone numbers are personal information: "
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

    @POST
    @Path("/groups")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Register a group proposer", description = """
            A group that files proposals in its own right (集体提案): a democratic party's committee (PARTY), a people's
            organisation (PEOPLES_ORGANISATION), a CPPCC special committee (SPECIAL_COMMITTEE) or a sector (SECTOR),
            with its contact person (联系人): a CPPCC member on the register (`contact.memberId`) or a person named
            with their contact data (personal information, masked like a member's). The group is then a proposer like
            a member (kind GROUP): it leads proposals and is named on them and in their events; whoever acts for it
            (its contact person, through a portal whose token names the group as `member_id`) files, receives the
            reply and rates it. `sector` (界别) defaults to the group's name. A contact who is not a CPPCC member is
            422 `invalid-contact`.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "party", value = """
            {"name": "民盟市委会", "groupType": "PARTY", "sector": "中国民主同盟",
             "contact": {"name": "周敏", "phone": "13900139000", "email": "zhoumin@example.com"}}""")))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MemberView.class), examples = @ExampleObject(
            name = "registered", value = """
            {"id": 9, "kind": "GROUP", "name": "民盟市委会", "delegation": "中国民主同盟", "phone": "13900139000",
             "email": "zhoumin@example.com", "address": null, "groupType": "PARTY", "contactName": "周敏",
             "contactMemberId": null}""")))
    @APIResponse(responseCode = "422", description = "The contact person is neither a CPPCC member nor named",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "no contact",
            value = """
            {"type": "https://banli.dev/problems/invalid-contact", "title": "Unprocessable Entity", "status": 422,
             "detail": "A group names its contact person (联系人): a CPPCC member's id or a name."}""")))
    public Response registerGroup(@Valid @NotNull NewGroup request) {
        MemberView group = members.registerGroup(request);
        return Response.created(URI.create("/api/v1/members/" + group.id())).entity(group).build();
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
