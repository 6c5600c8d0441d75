package io.banli.kit.http;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Web links (RFC 8288) to the first, previous, next and last page, and {@code X-Total-Count}, on every answer
 * whose body is {@link Paged}: a client follows {@code rel="next"} instead of building URLs. The links keep the
 * request's other query parameters.
 */
public class PagingLinks {

    public static final String TOTAL_COUNT = "X-Total-Count";

    @ServerResponseFilter
    public void link(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !(response.getEntity() instanceof Paged paged)) {
            return;
        }
        int last = paged.total() == 0 ? 0 : (int) ((paged.total() - 1) / paged.pageSize());
        List<String> links = new ArrayList<>();
        UriBuilder uri = request.getUriInfo().getRequestUriBuilder().replaceQueryParam("size", paged.pageSize());
        links.add(link(uri, 0, "first"));
        if (paged.page() > 0) {
            links.add(link(uri, Math.min(paged.page() - 1, last), "prev"));
        }
        if (paged.page() < last) {
            links.add(link(uri, paged.page() + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        response.getHeaders().add("Link", String.join(", ", links));
        response.getHeaders().putSingle(TOTAL_COUNT, paged.total());
    }

    private static String link(UriBuilder uri, int page, String rel) {
        return "<" + uri.clone().replaceQueryParam("page", page).build().toString() + ">; rel=\"" + rel + "\"";
    }
}
