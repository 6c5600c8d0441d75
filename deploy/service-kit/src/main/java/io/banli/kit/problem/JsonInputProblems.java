package io.banli.kit.problem;

import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;


/**
 * Turns a JSON body of the wrong shape (unknown enum value, text where a number belongs) into a
 * 400 that names the field and what it accepts, in the same {@code violations} form as Bean
 * Validation errors, without Java class names.
 */
public class JsonInputProblems {

    /** Mappers are chosen by the nearest exception type, so the common subtype needs its own. */
    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        return mismatchedInput(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && text.indexOf('\0') >= 0 ? "must not contain a NUL character" : expected(e.getTargetType());
        return Problems.badInput("invalid-json", field, "body",
                field.isEmpty() ? "The body is not of the expected shape." : message).toResponse();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return Problems.oneOf(type);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time";
        }
        return "must be a JSON " + (java.util.Collection.class.isAssignableFrom(type) ? "array" : "object");
    }

    /** Malformed JSON (not parseable at all). */
    @ServerExceptionMapper(priority = 1)
    public Response unreadable(com.fasterxml.jackson.core.JsonParseException e) {
        return Problems.problem(400, "invalid-json", "Bad Request", "The body is not valid JSON.").toResponse();
    }
}
