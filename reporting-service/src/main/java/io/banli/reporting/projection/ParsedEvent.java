package io.banli.reporting.projection;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import io.banli.kit.inbox.ReceivedEvent;

/**
 * An event as the projection's writers read it: its JSON is parsed once, and each writer (the statistics', the
 * progress', the grants') binds its own record from the parsed tokens instead of parsing the text again. The tokens
 * are kept as the parser produced them (a {@link TokenBuffer}: duplicate fields, number types and order included), so
 * a record bound from them is the one bound from the text. Whatever the tokens cannot give (data that is no JSON
 * object, a record they do not fit) is read from the text as before, so an event is refused with the same reason.
 * One event, one thread: not shared.
 */
public final class ParsedEvent {

    private final ReceivedEvent event;
    private final ObjectMapper mapper;
    /** The data's tokens; null when the data is not a JSON object (then every reading goes to the text). */
    private final TokenBuffer tokens;
    private final Map<Class<?>, Object> records = new HashMap<>(4);
    private JsonNode tree;

    public ParsedEvent(ReceivedEvent event, ObjectMapper mapper) {
        this.event = event;
        this.mapper = mapper;
        this.tokens = tokens(event.data(), mapper);
    }

    public ReceivedEvent received() {
        return event;
    }

    public String id() {
        return event.id();
    }

    public String type() {
        return event.type();
    }

    /** The data as the writer's own record of the event (tolerant reader); refused as {@link ReceivedEvent#data}. */
    public <T> T data(Class<T> type) {
        Object known = records.get(type);
        if (known != null) {
            return type.cast(known);
        }
        T record = null;
        if (tokens != null) {
            try (JsonParser parser = tokens.asParser()) {
                record = mapper.readValue(parser, type);
            } catch (IOException | RuntimeException notFromTheTokens) {
                record = null; // the text's own reading below refuses it, in its own words
            }
        }
        if (record == null) {
            record = event.data(mapper, type);
        }
        records.put(type, record);
        return record;
    }

    /** Refuses the event (to the dead-letter topic) when a field the writer needs is missing. */
    public void require(String fields, Object... values) {
        event.require(fields, values);
    }

    /** The submission the event names, as {@link ProjectionWriter#submissionId} reads it; null if none or unreadable. */
    Long submissionId() {
        JsonNode id = tree() == null ? null : tree.get("submissionId");
        return id == null || id.isNull() ? null : id.asLong();
    }

    private JsonNode tree() {
        if (tree == null && tokens != null) {
            try (JsonParser parser = tokens.asParser()) {
                tree = mapper.readTree(parser);
            } catch (IOException cannotHappen) {
                throw new IllegalStateException(cannotHappen); // the tokens were read as one JSON object
            }
        } else if (tree == null) {
            try {
                tree = mapper.readTree(event.data());
            } catch (JsonProcessingException unreadable) {
                return null; // a writer reads the same data and refuses it
            }
        }
        return tree;
    }

    private static TokenBuffer tokens(String data, ObjectMapper mapper) {
        if (data == null) {
            return null;
        }
        try (JsonParser parser = mapper.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            TokenBuffer tokens = new TokenBuffer(parser);
            tokens.copyCurrentStructure(parser);
            return tokens;
        } catch (IOException | RuntimeException notJson) {
            return null; // read from the text: refused there with the reason the text gives
        }
    }
}
