package io.banli.intake.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Each session's gap-free numbers (第1号, 第2号 …). A number is taken and written onto its item in one statement,
 * as late in the registration's transaction as possible: the session's counter row stays locked from that
 * statement until the commit, so concurrent registrations of one session queue only for the last writes, and a
 * rollback gives the number back because the counter's update rolls back with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionNumbers {

    @Inject
    EntityManager em;

    /**
     * Gives the item the session's next number; its other changes must be flushed already (the statement writes
     * the row behind Hibernate's back). A session's first number creates its counter row.
     */
    public int assign(long sessionId, long submissionId) {
        return ((Number) em.createNativeQuery("""
                with taken as (
                    insert into submission_counter as c (session_id, next_number) values (:session, 2)
                    on conflict (session_id) do update set next_number = c.next_number + 1
                    returning next_number - 1 as number)
                update submission set number = taken.number from taken where id = :id
                returning taken.number""")
                .setParameter("session", sessionId).setParameter("id", submissionId).getSingleResult()).intValue();
    }
}
