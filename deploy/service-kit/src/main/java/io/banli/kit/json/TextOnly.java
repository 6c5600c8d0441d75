package io.banli.kit.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads text, dates and times only from JSON strings: the time module would otherwise take a number
 * as seconds since 1970, and no coercion setting stops it. Text must not hold a NUL character.
 */
final class TextOnly extends DelegatingDeserializer {

    /** What {@code JsonInputProblems} says when text holds a NUL character. */
    static final String NUL = "contains a NUL character";

    TextOnly(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new TextOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != null && token.isScalarValue() && token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
            return context.handleUnexpectedToken(handledType(), parser);
        }
        Object value = super.deserialize(parser, context);
        if (value instanceof String text && text.indexOf('\0') >= 0) {
            return context.handleWeirdStringValue(String.class, text, NUL);
        }
        return value;
    }
}
