package io.banli.intake.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * What a leader (领衔领导) may read of the member register: only the proposers of the key items they lead (the lead
 * proposer and the co-signers who signed), so the names on their own items can be looked up; never the register
 * itself, which is the office's. Contact data stays masked for them.
 */
@ApplicationScoped
public class LeaderMembers {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** Whether this caller is a leader; their reads are limited by {@link #mayRead(long)}. */
    public boolean appliesToCaller() {
        return caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.AUDITOR);
    }

    /** Whether the leader of this token leads a filed key item that the member proposed or signed. */
    public boolean mayRead(long memberId) {
        String leader = caller.leaderName().filter(n -> !n.isBlank()).orElse(null);
        if (leader == null) {
            return false;
        }
        return !em.createNativeQuery("""
                select 1 from submission s
                where s.key_item and s.leading_official = :leader and s.state <> 'DRAFT'
                  and (s.lead_proposer_id = :member or exists (select 1 from co_signer c
                       where c.submission_id = s.id and c.member_id = :member and c.state = 'SIGNED'))
                limit 1""").setParameter("leader", leader).setParameter("member", memberId).getResultList().isEmpty();
    }
}
