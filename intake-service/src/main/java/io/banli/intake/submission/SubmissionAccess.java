package io.banli.intake.submission;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.panache.common.Parameters;

/**
 * Row-level rules, in one place: who may see which submission. Anything a caller may not see answers
 * 404 exactly like a missing id, so ids cannot be probed.
 * <ul>
 * <li>office, leader, auditor, and a platform that names no member: every filed item, no drafts;</li>
 * <li>member, or a platform acting for the member in its token: items they lead or are invited to co-sign;</li>
 * <li>unit-staff, unit-head: items assigned to their unit (learned from assignment's events).</li>
 * </ul>
 */
@ApplicationScoped
public class SubmissionAccess {

    @Inject
    Caller caller;

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

    private boolean seesAll() {
        return caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.LEADER) || caller.hasRole(Roles.AUDITOR)
                || caller.hasRole(Roles.PLATFORM) && caller.memberId().isEmpty();
    }

    /** The submission, if it exists and this caller may see it; otherwise 404. */
    public Submission readable(long id) {
        return Submission.<Submission>findByIdOptional(id).filter(this::visible)
                .orElseThrow(() -> Problems.notFound("submission", id));
    }

    public boolean visible(Submission s) {
        if (seesAll() && s.state != SubmissionState.DRAFT) {
            return true;
        }
        Optional<Long> member = actingMember();
        if (member.isPresent()) {
            return member.get().equals(s.leadProposerId)
                    || CoSigner.count("submissionId = ?1 and memberId = ?2", s.id, member.get()) > 0;
        }
        Optional<Long> unit = unitOfCaller();
        return unit.isPresent() && s.state != SubmissionState.DRAFT && Submission.getEntityManager().createNativeQuery(
                "select 1 from unit_assignment where submission_id = :s and unit_id = :u")
                .setParameter("s", s.id).setParameter("u", unit.get()).getResultList().size() > 0;
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
        Optional<Long> member = actingMember();
        if (member.isPresent()) {
            params.and("me", member.get());
            return "(s.leadProposerId = :me or exists (select 1 from CoSigner c where c.submissionId = s.id "
                    + "and c.memberId = :me))";
        }
        Optional<Long> unit = unitOfCaller();
        if (unit.isPresent()) {
            params.and("myUnit", unit.get()).and("draft", SubmissionState.DRAFT);
            return "s.state <> :draft and exists (select 1 from UnitAssignment u where u.submissionId = s.id "
                    + "and u.unitId = :myUnit)";
        }
        return "1 = 0";
    }

    private Optional<Long> unitOfCaller() {
        if (caller.hasRole(Roles.UNIT_STAFF) || caller.hasRole(Roles.UNIT_HEAD)) {
            return caller.unitId();
        }
        return Optional.empty();
    }
}
