package io.banli.intake.member;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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

import io.banli.intake.platform.PlatformCaller;
import io.banli.intake.platform.PlatformGrant;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.quarkus.panache.common.Sort;

@Path("/api/v1/members")
@Tag(name = "Members", description = "Deputies and CPPCC members. Phone numbers are personal information: "
        + "only the office sees them unmasked.")
public class MemberResource {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    PlatformCaller platform;

    @Inject
    LeaderMembers leaders;

    public record NewMember(
            @NotNull MemberKind kind,
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 100) String delegation,
            @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "must be a phone number")
            @Schema(maxLength = 21) String phone,
            @Email @Size(max = 100) String email,
            @Size(max = 200) String address) {
    }

    public record MemberView(Long id, MemberKind kind, String name, String delegation, String phone,
    @Schema(nullable = true) String email,
            @Schema(nullable = true) String address) {
    }

    @POST
    @Transactional
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
        Member member = new Member();
        member.kind = request.kind();
        member.name = request.name();
        member.delegation = request.delegation();
        member.phone = request.phone();
        member.email = request.email();
        member.address = request.address();
        member.persist();
        audit.record("member.registered", "member", member.id, null);
        return Response.created(URI.create("/api/v1/members/" + member.id)).entity(view(member)).build();
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
        Optional<PlatformGrant> grant = platform.grant();
        if (grant.isEmpty()) {
            return Member.<Member>listAll(Sort.by("id")).stream().map(this::view).toList();
        }
        if (caller.memberId().isPresent()) {
            return Member.<Member>findByIdOptional(caller.memberId().get()).map(this::view).stream().toList();
        }
        PlatformGrant g = grant.get();
        if (g.allMembers()) {
            return Member.<Member>listAll(Sort.by("id")).stream().map(this::view).toList();
        }
        // Empty lists never reach the query: "in ()" is not SQL.
        List<Long> ids = g.memberIds().isEmpty() ? List.of(-1L) : g.memberIds();
        List<String> delegations = g.delegations().isEmpty() ? List.of("") : g.delegations();
        return Member.<Member>list("id in ?1 or delegation in ?2", Sort.by("id"), ids, delegations).stream()
                .map(this::view).toList();
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
        // A member, or a portal acting for one, reads only that member's own record; a portal naming no member,
        // those its registration covers.
        boolean actsForAMember = caller.hasRole(Roles.MEMBER) || caller.hasRole(Roles.PLATFORM) && caller.memberId().isPresent();
        if (actsForAMember && !caller.hasRole(Roles.OFFICE) && caller.memberId().filter(own -> own == id).isEmpty()) {
            throw Problems.notFound("member", id);
        }
        if (leaders.appliesToCaller() && !leaders.mayRead(id)) {
            throw Problems.notFound("member", id);
        }
        Optional<PlatformGrant> grant = platform.grant();
        return Member.<Member>findByIdOptional(id)
                .filter(m -> actsForAMember || grant.isEmpty() || grant.get().covers(m.id, m.delegation))
                .map(this::view).orElseThrow(() -> Problems.notFound("member", id));
    }

    /** Contact data is needed by the office (to reach members) and by the member themself; others see it masked. */
    private MemberView view(Member m) {
        boolean unmasked = caller.hasRole(Roles.OFFICE) || (caller.hasRole(Roles.MEMBER) || caller.hasRole(Roles.PLATFORM))
                && caller.memberId().filter(m.id::equals).isPresent();
        return unmasked ? new MemberView(m.id, m.kind, m.name, m.delegation, m.phone, m.email, m.address)
                : new MemberView(m.id, m.kind, m.name, m.delegation, ContactMask.phone(m.phone),
                        ContactMask.email(m.email), ContactMask.address(m.address));
    }
}
