package io.banli.intake.member;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.member.MemberApi.GroupContact;
import io.banli.intake.member.MemberApi.MemberView;
import io.banli.intake.member.MemberApi.NewGroup;
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
    io.banli.kit.change.StateChange change;

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
        announce(member);
        return view(member);
    }

    /**
     * A group proposer (集体提案): the office registers it with its contact person, who must be a CPPCC member when
     * named by id (the group files at the CPPCC) or else is named with their contact data.
     */
    public MemberView registerGroup(NewGroup request) {
        GroupContact contact = request.contact();
        Member person = null;
        if (contact.memberId() != null) {
            person = Member.<Member>findByIdOptional(contact.memberId()).filter(m -> m.kind == MemberKind.CPPCC_MEMBER)
                    .orElseThrow(() -> Problems.unprocessable("invalid-contact", "The contact person " + contact.memberId()
                            + " is not a CPPCC member on the register: name a CPPCC member or give the person's name."));
        } else if (contact.name() == null || contact.name().isBlank()) {
            throw Problems.unprocessable("invalid-contact",
                    "A group names its contact person (联系人): a CPPCC member's id or a name.");
        }
        Member group = new Member();
        group.kind = MemberKind.GROUP;
        group.name = request.name();
        group.groupType = request.groupType();
        group.delegation = request.sector() == null || request.sector().isBlank() ? request.name() : request.sector();
        group.contactMemberId = person == null ? null : person.id;
        group.contactName = person == null ? contact.name() : person.name;
        group.phone = contact.phone();
        group.email = contact.email();
        group.address = contact.address();
        group.persist();
        audit.record("member.registered", "member", group.id, "GROUP " + group.groupType);
        announce(group);
        return view(group);
    }

    /** The read side learns the member and their delegation (a platform's grant by delegation is checked on it). */
    private void announce(Member m) {
        change.announce(io.banli.intake.submission.SubmissionEvents.TOPIC, MemberEvents.REGISTERED, MemberEvents.key(m),
                MemberEvents.MemberRegisteredV1.of(m, change.now()));
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
        // A contact person who is a member has a public name; anyone else named as a contact is a private person.
        String contact = unmasked || m.contactMemberId != null ? m.contactName : ContactMask.name(m.contactName);
        return unmasked ? new MemberView(m.id, m.kind, m.name, m.delegation, m.phone, m.email, m.address, m.groupType,
                        contact, m.contactMemberId)
                : new MemberView(m.id, m.kind, m.name, m.delegation, ContactMask.phone(m.phone),
                        ContactMask.email(m.email), ContactMask.address(m.address), m.groupType, contact,
                        m.contactMemberId);
    }
}
