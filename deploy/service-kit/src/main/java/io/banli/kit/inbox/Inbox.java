package io.banli.kit.inbox;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

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

    /**
     * Applies the handler for the record's event type, once per event id: a redelivery, whose effect
     * is already committed, is skipped, and so are types this consumer does not handle. A record that
     * is not a CloudEvent throws, which sends it to the dead-letter topic.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatch(ConsumerRecord<String, String> record, Map<String, Consumer<ReceivedEvent>> handlers) {
        ReceivedEvent event = ReceivedEvent.of(record);
        Consumer<ReceivedEvent> handler = handlers.get(event.type());
        if (handler != null && firstDelivery(event)) {
            handler.accept(event);
        }
    }

    /** True the first time this event id is seen. */
    private boolean firstDelivery(ReceivedEvent event) {
        return em.createNativeQuery("""
                insert into inbox_event (event_id, event_type, received_at) values (:id, :type, :at)
                on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("at", clock.instant())
                .executeUpdate() == 1;
    }
}
