package io.banli.kit.inbox;

/**
 * An event that arrived before what it depends on (an update of an item whose {@code registered} event is
 * still being retried, a workflow step of an assignment not known yet). It is retried with backoff for a
 * bounded time ({@code banli.consumer.not-ready-for}) and only then dead-lettered, with this reason.
 */
public class EventNotReadyException extends RuntimeException {

    public EventNotReadyException(ReceivedEvent event, String missing) {
        super("Event " + event.id() + " (" + event.type() + ") is not ready: " + missing);
    }
}
