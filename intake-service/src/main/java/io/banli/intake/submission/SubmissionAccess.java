package io.banli.intake.submission;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.intake.member.Member;
import io.banli.intake.platform.PlatformCaller;
import io.banli.intake.platform.PlatformGrant;
import io.banli.kit.audit.ReadAudit;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Parameters;

/**
 * Row-level rules, in one place: who may see which submission. Anything a caller may not see answers
 * 404 exactly like a missing id, so ids cannot be probed.
 * <ul>
 * <li>office, auditor: every filed item, no drafts;</li>
 * <li>leader: the filed key items (重点) whose leading official (领衔领导) is the token's {@code leader_name};</li>
 * <li>member, or a platform acting for the member in its token: items they lead or are invited to co-sign,
 * drafts and confidential items included (their own);</li>
 * <li>a platform whose token names no member: only what its registration covers (see {@link PlatformGrant}):
 * filed items led or signed by a member it acts for, or assigned to a unit it acts for (the token's
 * {@code unit_id} narrows to that unit). Never drafts, and never confidential items: those only when the token
 * names the member, as the member would see them;</li>
 * <li>unit-staff, unit-head: items assigned to their unit (learned from assignment's events).</li>
 * </ul>
 */
@ApplicationScoped
public class SubmissionAccess {

    /**
     * The ids of member {@code :me}'s own items: what they lead, and what they co-sign or are invited to, drafts
     * included. One set of ids, each half through its own index: an OR of the two made PostgreSQL read every item.
     */
    private static final String OWN_IDS = "select x.id as id from Submission x where x.leadProposerId = :me "
            + "union select c.submissionId as id from CoSigner c where c.memberId = :me";

    @Inject
    Caller caller;

    @Inject
    PlatformCaller platform;

    @Inject
    ReadAudit readAudit;

    /** The member this caller acts for: a member's own token, or a portal's token naming one. */
    public Optional<Long> actingMember() {
        if (caller.hasRole(Roles.MEMBER) || caller.hasRole(Roles.PLATFORM)) {
            return caller.memberId();
        }
        return Optional.empty();
    }

    /** The member this caller must act for; a member or portal token without one may do nothing here. */
    public long requiredMember() {
        return actingMember().orElseThrow(() -> Problems.forbidden(
                "The token names no member (claim " + Caller.MEMBER_CLAIM + "): drafts are filed for a member."));
    }

    /** The office and the auditor: every filed item, drafts excepted. */
    public boolean seesAll() {
        return caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.AUDITOR);
    }

    /** The leading official a leader's token speaks for; empty for every other caller (and a leader naming none). */
    private Optional<String> leader() {
        return caller.hasRole(Roles.LEADER) ? caller.leaderName().filter(n -> !n.isBlank()) : Optional.empty();
    }

    /** Whose own items this caller lists: a member, or a portal acting for one (not a leader, not the office). */
    public Optional<Long> ownItemsOf() {
        return seesAll() || caller.hasRole(Roles.LEADER) ? Optional.empty() : actingMember();
    }

    /**
     * How many items a member's own list holds, drafts included: their ids counted from V20's indexes without
     * reading an item (each id is an item's: a co-signer's row refers to one).
     */
    public long ownItemCount(long member) {
        return Submission.getEntityManager().createQuery("select count(*) from (" + OWN_IDS + ") own", Long.class)
                .setParameter("me", member).getSingleResult();
    }

    /** The grant of a platform whose token names no member; empty for every other caller. */
    private Optional<PlatformGrant> platformGrant() {
        if (!caller.hasRole(Roles.PLATFORM) || caller.memberId().isPresent()) {
            return Optional.empty();
        }
        return platform.grant();
    }

    /**
     * The submission, if it exists and this caller may see it; otherwise 404. A confidential item's read is audited,
     * refused ones too ({@link ReadAudit}: the answer's status decides the result).
     */
    public Submission readable(long id) {
        Optional<Submission> found = Submission.findByIdOptional(id);
        if (found.filter(s -> s.confidential).isPresent() && Arc.container().requestContext().isActive()) {
            readAudit.mark("submission", id);
        }
        return found.filter(this::visible).orElseThrow(() -> Problems.notFound("submission", id));
    }

    public boolean visible(Submission s) {
        if (seesAll() && s.state != SubmissionState.DRAFT) {
            return true;
        }
        if (caller.hasRole(Roles.LEADER)) {
            return s.state != SubmissionState.DRAFT && s.keyItem && leader().filter(n -> n.equals(s.leadingOfficial))
                    .isPresent();
        }
        Optional<Long> member = actingMember();
        if (member.isPresent()) {
            return member.get().equals(s.leadProposerId)
                    || CoSigner.count("submissionId = ?1 and memberId = ?2", s.id, member.get()) > 0;
        }
        Optional<PlatformGrant> grant = platformGrant();
        if (grant.isPresent()) {
            return s.state != SubmissionState.DRAFT && !s.confidential && covered(s, grant.get());
        }
        Optional<Long> unit = unitOfCaller();
        return unit.isPresent() && s.state != SubmissionState.DRAFT && assignedTo(s, unit.get());
    }

    private boolean covered(Submission s, PlatformGrant grant) {
        Optional<Long> unit = platform.unitId();
        if (unit.isPresent()) {
            return grant.unitIds().contains(unit.get()) && assignedTo(s, unit.get());
        }
        if (grant.allMembers() || coveredMember(s.leadProposerId, grant)
                || CoSigner.signedOf(s.id).stream().anyMatch(m -> coveredMember(m, grant))) {
            return true;
        }
        return grant.unitIds().stream().anyMatch(u -> assignedTo(s, u));
    }

    private static boolean coveredMember(long memberId, PlatformGrant grant) {
        Member m = Member.findById(memberId);
        return m != null && grant.covers(memberId, m.delegation);
    }

    private static boolean assignedTo(Submission s, long unit) {
        return !Submission.getEntityManager().createNativeQuery(
                "select 1 from unit_assignment where submission_id = :s and unit_id = :u")
                .setParameter("s", s.id).setParameter("u", unit).getResultList().isEmpty();
    }

    /** The submission, if this caller is its lead proposer (or acts for them); otherwise 404. */
    public Submission ownedByCaller(long id) {
        Submission s = readable(id);
        if (actingMember().filter(s.leadProposerId::equals).isEmpty()) {
            throw Problems.notFound("submission", id);
        }
        return s;
    }

    /** An HQL condition on {@code s} (a Submission) limiting a listing to what this caller may see. */
    public String listingCondition(Parameters params) {
        if (seesAll()) {
            params.and("draft", SubmissionState.DRAFT);
            return "s.state <> :draft";
        }
        if (caller.hasRole(Roles.LEADER)) {
            Optional<String> leader = leader();
            if (leader.isEmpty()) {
                return "1 = 0";
            }
            params.and("draft", SubmissionState.DRAFT).and("leader", leader.get());
            return "s.state <> :draft and s.keyItem = true and s.leadingOfficial = :leader";
        }
        Optional<Long> member = ownItemsOf();
        if (member.isPresent()) {
            params.and("me", member.get());
            return "s.id in (" + OWN_IDS + ")";
        }
        Optional<PlatformGrant> grant = platformGrant();
        if (grant.isPresent()) {
            params.and("draft", SubmissionState.DRAFT);
            return "s.state <> :draft and s.confidential = false and " + grantCondition(grant.get(), params);
        }
        Optional<Long> unit = unitOfCaller();
        if (unit.isPresent()) {
            params.and("myUnit", unit.get()).and("draft", SubmissionState.DRAFT);
            return "s.state <> :draft and exists (select 1 from UnitAssignment u where u.submissionId = s.id "
                    + "and u.unitId = :myUnit)";
        }
        return "1 = 0";
    }

    /** The items a grant covers: led or signed by a member it covers, or assigned to one of its units. */
    private String grantCondition(PlatformGrant grant, Parameters params) {
        Optional<Long> unit = platform.unitId();
        if (unit.isPresent()) {
            if (!grant.unitIds().contains(unit.get())) {
                return "1 = 0";
            }
            params.and("grantUnit", unit.get());
            return "exists (select 1 from UnitAssignment u where u.submissionId = s.id and u.unitId = :grantUnit)";
        }
        if (grant.allMembers()) {
            return "1 = 1";
        }
        StringBuilder any = new StringBuilder("(1 = 0");
        if (!grant.memberIds().isEmpty()) {
            params.and("grantMembers", grant.memberIds()).and("signed", CoSigner.State.SIGNED);
            any.append(" or s.leadProposerId in :grantMembers or exists (select 1 from CoSigner c where ")
                    .append("c.submissionId = s.id and c.state = :signed and c.memberId in :grantMembers)");
        }
        if (!grant.delegations().isEmpty()) {
            params.and("grantDelegations", grant.delegations()).and("signedToo", CoSigner.State.SIGNED);
            any.append(" or exists (select 1 from Member m where m.id = s.leadProposerId ")
                    .append("and m.delegation in :grantDelegations) or exists (select 1 from CoSigner c, Member m ")
                    .append("where c.submissionId = s.id and c.state = :signedToo and m.id = c.memberId ")
                    .append("and m.delegation in :grantDelegations)");
        }
        if (!grant.unitIds().isEmpty()) {
            params.and("grantUnits", grant.unitIds());
            any.append(" or exists (select 1 from UnitAssignment u where u.submissionId = s.id ")
                    .append("and u.unitId in :grantUnits)");
        }
        return any.append(")").toString();
    }

    private Optional<Long> unitOfCaller() {
        if (caller.hasRole(Roles.UNIT_STAFF) || caller.hasRole(Roles.UNIT_HEAD)) {
            return caller.unitId();
        }
        return Optional.empty();
    }
}
