package io.banli.kit.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * The problems our services raise themselves, each with a stable {@code type} URI that clients may
 * switch on. Validation, malformed JSON, 401 and 403 are mapped by the problem extension.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://banli.dev/problems/";

    private Problems() {
    }

    public static HttpProblem notFound(String what, Object id) {
        return problem(404, "not-found", "Not Found", "No " + what + " with id " + id + ".");
    }

    /** A transition that the current state does not allow; the detail names the state. */
    public static HttpProblem illegalTransition(String detail) {
        return problem(409, "illegal-transition", "Conflict", detail);
    }

    /** A well-formed request that refers to something that cannot be used, e.g. an unknown session. */
    public static HttpProblem unprocessable(String type, String detail) {
        return problem(422, type, "Unprocessable Content", detail);
    }

    /** The caller's role is right but the row is not theirs (another unit's item, another member's). */
    public static HttpProblem forbidden(String detail) {
        return problem(403, "forbidden", "Forbidden", detail);
    }

    /** Input of the wrong shape, naming the one field (or parameter) at fault like a validation error. */
    public static HttpProblem badInput(String type, String field, String in, String message) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_BASE + type))
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(field.isEmpty() ? message : field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", in, "message", message)))
                .build();
    }

    /** What an enum accepts, in words a client developer can act on. */
    public static String oneOf(Class<?> enumType) {
        return "must be one of " + Arrays.stream(enumType.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    public static HttpProblem problem(int status, String type, String title, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_BASE + type))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }
}
