package io.banli.kit.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A path or query parameter with a control character (a NUL above all, {@code %00}) is no id, name or
 * filter anyone means, and text parameters would carry it into SQL, where PostgreSQL refuses a NUL
 * with an error that became a 500. Every such request answers 400 naming the parameter, before any
 * resource sees it.
 */
public class ControlCharacterParameters {

    @ServerRequestFilter
    public Response refuseControlCharacters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String path = firstWithControl(uri.getPathParameters());
        if (path != null) {
            return refused(path, "path");
        }
        String query = firstWithControl(uri.getQueryParameters());
        return query == null ? null : refused(query, "query");
    }

    private static String firstWithControl(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (hasControl(parameter.getKey()) || parameter.getValue().stream().anyMatch(
                    ControlCharacterParameters::hasControl)) {
                return parameter.getKey();
            }
        }
        return null;
    }

    static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static Response refused(String name, String in) {
        return Problems.badInput("invalid-parameter", hasControl(name) ? "" : name, in,
                "must not contain control characters").toResponse();
    }
}
