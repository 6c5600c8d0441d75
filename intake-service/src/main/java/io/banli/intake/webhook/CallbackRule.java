package io.banli.intake.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a webhook may be sent: https to a host whose every address is public, or inside a network the operator
 * allows ({@code banli.webhooks.allowed-networks}: government extranets use private ranges). Plain http only to
 * {@code localhost}/{@code 127.0.0.1}, and only where the operator turned that on for a local run. The same rule
 * is applied when a platform subscribes and again before every delivery, because what a name resolves to can
 * change in between; the delivery then connects to the address that was checked, never to a fresh lookup.
 */
final class CallbackRule {

    /** A resolver: the addresses of a host name, as the system's DNS gives them. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A callback that passed: its URL and the checked address to connect to. */
    record Target(URI uri, InetAddress address, boolean https) {

        int port() {
            return uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        }

        /** The host as named in the URL, without the brackets of an IPv6 literal. */
        String host() {
            String host = uri.getHost();
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }
    }

    /** Refused; {@link #reason} is for the subscriber at subscription and for the log, never for a delivery row. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

    private final boolean allowPlainHttpToLocalhost;
    private final List<Cidr> allowedNetworks;
    private final Resolver resolver;

    CallbackRule(boolean allowPlainHttpToLocalhost, List<Cidr> allowedNetworks, Resolver resolver) {
        this.allowPlainHttpToLocalhost = allowPlainHttpToLocalhost;
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.resolver = resolver;
    }

    boolean allowsPlainHttpToLocalhost() {
        return allowPlainHttpToLocalhost;
    }

    /** The URL's form alone (scheme, host, no user info); nothing is resolved. */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawAuthority() == null) {
            throw new Refused("is not an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry user information");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && localPlainHttp(uri))) {
            throw new Refused("must use https" + (allowPlainHttpToLocalhost
                    ? " (plain http only to localhost or 127.0.0.1)" : ""));
        }
        return uri;
    }

    /**
     * Resolves the host and checks every address it has (one forbidden address is enough to refuse: a name with a
     * public and a private address could be sent either way). Returns the address to connect to.
     */
    Target check(String url) throws Refused {
        URI uri = parse(url);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("names a host that does not resolve");
        }
        boolean local = !https && localPlainHttp(uri);
        for (InetAddress address : addresses) {
            if (!allowed(address, local)) {
                throw new Refused("resolves to an address that is not public and not in a network the operator "
                        + "allows");
            }
        }
        return new Target(uri, addresses[0], https);
    }

    private boolean allowed(InetAddress address, boolean localPlainHttp) {
        if (allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
            return true;
        }
        if (localPlainHttp) {
            return address.isLoopbackAddress();
        }
        return !CallbackAddresses.forbidden(address);
    }

    private boolean localPlainHttp(URI uri) {
        return allowPlainHttpToLocalhost && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
