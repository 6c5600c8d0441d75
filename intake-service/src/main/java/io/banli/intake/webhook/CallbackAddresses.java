package io.banli.intake.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may never be sent to unless the operator allows their network: everything that is not
 * the public internet. A callback pointing there would let a platform make intake call into its own network
 * (server-side request forgery): the database, the broker, a cloud's metadata service.
 */
final class CallbackAddresses {

    /** Not public: unspecified, private, loopback, link-local (cloud metadata), CGNAT, multicast, reserved. */
    static final List<Cidr> FORBIDDEN = List.of(
            Cidr.parse("0.0.0.0/8"), // "this network", the unspecified address
            Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"), // private
            Cidr.parse("100.64.0.0/10"), // carrier-grade NAT
            Cidr.parse("127.0.0.0/8"), // loopback
            Cidr.parse("169.254.0.0/16"), // link-local, with the metadata service at 169.254.169.254
            Cidr.parse("192.0.0.0/24"), Cidr.parse("198.18.0.0/15"), // protocol assignments, benchmarking
            Cidr.parse("224.0.0.0/4"), // multicast
            Cidr.parse("240.0.0.0/4"), // reserved, and the broadcast address
            Cidr.parse("::/128"), Cidr.parse("::1/128"), // unspecified, loopback
            Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"), // link-local, the old site-local
            Cidr.parse("fc00::/7"), // unique local (ULA), with a metadata service at fd00:ec2::254
            Cidr.parse("ff00::/8")); // multicast

    /**
     * IPv6 forms that carry an IPv4 address (compatible, NAT64, 6to4): judged by that address. IPv4-mapped ones
     * ({@code ::ffff:a.b.c.d}) need no entry: Java turns them into the IPv4 address itself.
     */
    private static final List<Cidr> EMBEDDING_IPV4_AT_12 = List.of(Cidr.parse("::/96"), Cidr.parse("64:ff9b::/96"));
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private CallbackAddresses() {
    }

    /** Whether intake must not send there unless the operator allows the network. */
    static boolean forbidden(InetAddress address) {
        if (FORBIDDEN.stream().anyMatch(n -> n.contains(address))) {
            return true;
        }
        return embeddedIpv4(address).map(CallbackAddresses::forbidden).orElse(false);
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int at = EMBEDDING_IPV4_AT_12.stream().anyMatch(n -> n.contains(address)) ? 12
                : SIX_TO_FOUR.contains(address) ? 2 : -1;
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
