package io.banli.intake.member;

import java.util.List;
import java.util.Optional;

/**
 * The members a calling platform may read, as the office registered it. The platform registry implements it, so
 * the member register needs no knowledge of platforms (the registry depends on the register, not the reverse).
 */
public interface MemberCoverage {

    /** Empty unless the caller is a platform; for one that is not (or no longer) registered, nobody. */
    Optional<Covered> ofCaller();

    /** Every member, members by id, or the members of delegations (代表团/界别). */
    record Covered(boolean allMembers, List<Long> memberIds, List<String> delegations) {

        public boolean covers(long memberId, String delegation) {
            return allMembers || memberIds.contains(memberId) || delegation != null && delegations.contains(delegation);
        }
    }
}
