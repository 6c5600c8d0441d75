package io.banli.intake.member;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.member.MemberApi.MemberView;
import io.banli.intake.member.MemberApi.NewMember;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.panache.common.Sort;

/** The member register: the office registers members; each reader sees those it may, contact data masked. */
@ApplicationScoped
@Transactional
public class MemberService {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    MemberCoverage coverage;

    @Inject
    LeaderMembers leaders;

    public MemberView register(NewMember request) {
        Member member = new Member();
        member.kind = request.kind();
        member.name = request.name();
        member.delegation = request.delegation();
        member.phone = request.phone();
        member.email = request.email();
        member.address = request.address();
        member.persist();
        audit.record("member.registered", "member", member.id, null);
        return view(member);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberView> list() {
        Optional<MemberCoverage.Covered> grant = coverage.ofCaller();
        if (grant.isEmpty()) {
            return Member.<Member>listAll(Sort.by("id")).stream().map(this::view).toList();
        }
        if (caller.memberId().isPresent()) {
            return Member.<Member>findByIdOptional(caller.memberId().get()).map(this::view).stream().toList();
        }
        MemberCoverage.Covered g = grant.get();
        if (g.allMembers()) {
            return Member.<Member>listAll(Sort.by("id")).stream().map(this::view).toList();
        }
        // Empty lists never reach the query: "in ()" is not SQL.
        List<Long> ids = g.memberIds().isEmpty() ? List.of(-1L) : g.memberIds();
        List<String> delegations = g.delegations().isEmpty() ? List.of("") : g.delegations();
        return Member.<Member>list("id in ?1 or delegation in ?2", Sort.by("id"), ids, delegations).stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView get(long id) {
        // A member, or a portal acting for one, reads only that member's own record; a portal naming no member,
        // those its registration covers.
        boolean actsForAMember = caller.hasRole(Roles.MEMBER) || caller.hasRole(Roles.PLATFORM) && caller.memberId().isPresent();
        if (actsForAMember && !caller.hasRole(Roles.OFFICE) && caller.memberId().filter(own -> own == id).isEmpty()) {
            throw Problems.notFound("member", id);
        }
        if (leaders.appliesToCaller() && !leaders.mayRead(id)) {
            throw Problems.notFound("member", id);
        }
        Optional<MemberCoverage.Covered> grant = coverage.ofCaller();
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
