package io.banli.kit.inbox;

/** An event that can never be applied, whatever the retry: it belongs on the dead-letter topic. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(ReceivedEvent event, String reason) {
        super("Event " + event.id() + " (" + event.type() + ") cannot be processed: " + reason);
    }

    /** A record that is not an event at all (no CloudEvents headers), or one that waited too long. */
    public UnprocessableEventException(String message) {
        super(message);
    }
}
