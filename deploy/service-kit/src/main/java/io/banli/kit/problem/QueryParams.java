package io.banli.kit.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Reads enum query parameters. JAX-RS answers 404 when a query parameter does not convert, which
 * tells a client "no such resource" for what is really a typo: we answer 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String allowed = "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
            throw HttpProblem.builder()
                    .withType(java.net.URI.create(Problems.TYPE_BASE + "invalid-parameter"))
                    .withStatus(400)
                    .withTitle("Bad Request")
                    .withDetail(name + ": " + allowed)
                    .with("violations", List.of(Map.of("field", name, "in", "query", "message", allowed)))
                    .build();
        }
    }
}
