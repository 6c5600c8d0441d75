package io.banli.kit.security;

import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The network address a request came from. It is the peer of the connection unless the service sits behind a
 * proxy it is told to trust ({@code quarkus.http.proxy.proxy-address-forwarding}, {@code allow-x-forwarded} and
 * {@code trusted-proxies}): only then does Quarkus take the address from {@code Forwarded}/{@code X-Forwarded-For},
 * so a caller cannot name any address it likes.
 */
public final class SourceAddress {

    private SourceAddress() {
    }

    /** Empty outside an HTTP request (event consumers, scheduled work). */
    public static Optional<String> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        try (InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class)) {
            RoutingContext context = request.isAvailable() ? request.get().getCurrent() : null;
            SocketAddress remote = context == null ? null : context.request().remoteAddress();
            if (remote == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(remote.hostAddress() != null ? remote.hostAddress() : remote.host());
        }
    }
}
