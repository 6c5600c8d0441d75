package io.banli.kit.inbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes consumers idempotent: the event id is recorded in the same transaction as the effect,
 * so a redelivered event (after a crash or rebalance) finds its id and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** True the first time this event id is seen; false for a redelivery, whose effect is already committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(ReceivedEvent event) {
        return em.createNativeQuery("""
                insert into inbox_event (event_id, event_type, received_at) values (:id, :type, :at)
                on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("at", clock.instant())
                .executeUpdate() == 1;
    }
}
