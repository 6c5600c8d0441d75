package io.banli.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The rule on callback addresses, without a network: a resolver the test controls stands in for DNS. */
class CallbackRuleTest {

    final Map<String, String[]> dns = new ConcurrentHashMap<>();
    final CallbackRule.Resolver resolver = host -> {
        String[] answer = dns.get(host);
        if (answer == null) {
            return InetAddress.getAllByName(host); // literals only: the test never asks real DNS for a name
        }
        InetAddress[] addresses = new InetAddress[answer.length];
        for (int i = 0; i < answer.length; i++) {
            addresses[i] = InetAddress.getByName(answer[i]);
        }
        return addresses;
    };

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "100.64.0.1", "100.127.255.254", "169.254.169.254", "169.254.1.1", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "2002:c0a8:101::1"})
    void addressesOutsideThePublicInternetAreForbidden(String address) throws UnknownHostException {
        assertThat(CallbackAddresses.forbidden(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "169.255.0.1", "203.119.25.1",
            "2001:4860:4860::8888", "2400:da00::6666", "2002:0808:0808::1"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(CallbackAddresses.forbidden(InetAddress.getByName(address))).as(address).isFalse();
    }

    @Test
    void httpsToAPublicAddressPassesAndNamesTheAddressToConnectTo() throws Exception {
        dns.put("portal.example.gov.cn", new String[] {"203.119.25.1"});
        CallbackRule.Target target = rule(false).check("https://portal.example.gov.cn/hooks/banli?x=1");
        assertThat(target.address().getHostAddress()).isEqualTo("203.119.25.1");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.host()).isEqualTo("portal.example.gov.cn");
    }

    @Test
    void theIssuesTargetsAreRefused() {
        for (String url : List.of("https://127.0.0.1:15432/x", "https://169.254.169.254/latest",
                "https://[fd00:ec2::254]/latest", "https://[::1]:8081/", "https://0.0.0.0:9092/")) {
            assertThatThrownBy(() -> rule(true).check(url)).as(url).isInstanceOf(CallbackRule.Refused.class);
        }
    }

    @Test
    void oneForbiddenAddressAmongSeveralIsEnough() {
        dns.put("mixed.example.com", new String[] {"203.119.25.1", "10.0.0.5"});
        assertThatThrownBy(() -> rule(false).check("https://mixed.example.com/hook"))
                .isInstanceOf(CallbackRule.Refused.class).hasMessageContaining("not public");
    }

    @Test
    void aNameThatLaterResolvesToAForbiddenAddressIsRefusedAtThatLaterCheck() throws Exception {
        CallbackRule rule = new CallbackRule(false, List.of(Cidr.parse("10.20.0.0/16")), resolver);
        dns.put("hooks.portal.gov.cn", new String[] {"10.20.3.4"});
        assertThat(rule.check("https://hooks.portal.gov.cn/banli").address().getHostAddress()).isEqualTo("10.20.3.4");
        // The name now points at the metadata service (DNS rebinding): the delivery's own check refuses it.
        dns.put("hooks.portal.gov.cn", new String[] {"169.254.169.254"});
        assertThatThrownBy(() -> rule.check("https://hooks.portal.gov.cn/banli")).isInstanceOf(CallbackRule.Refused.class);
        dns.put("hooks.portal.gov.cn", new String[] {"10.21.0.1"});
        assertThatThrownBy(() -> rule.check("https://hooks.portal.gov.cn/banli")).isInstanceOf(CallbackRule.Refused.class);
    }

    @Test
    void anAllowedNetworkLetsPrivateAddressesThrough() throws Exception {
        CallbackRule rule = new CallbackRule(false, List.of(Cidr.parse("10.20.0.0/16"), Cidr.parse("fd12:3456::/32")),
                resolver);
        assertThat(rule.check("https://10.20.200.1/hook").address().getHostAddress()).isEqualTo("10.20.200.1");
        assertThat(rule.check("https://[fd12:3456::1]:8443/hook").port()).isEqualTo(8443);
        assertThatThrownBy(() -> rule.check("https://10.30.0.1/hook")).isInstanceOf(CallbackRule.Refused.class);
    }

    @Test
    void plainHttpOnlyToLocalhostAndOnlyWhenTurnedOn() throws Exception {
        assertThat(rule(true).check("http://127.0.0.1:8080/hook").https()).isFalse();
        dns.put("localhost", new String[] {"127.0.0.1"});
        assertThat(rule(true).check("http://localhost:8080/hook").address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> rule(false).check("http://127.0.0.1:8080/hook"))
                .isInstanceOf(CallbackRule.Refused.class).hasMessageStartingWith("must use https");
        dns.put("portal.example.com", new String[] {"203.119.25.1"});
        assertThatThrownBy(() -> rule(true).check("http://portal.example.com/hook"))
                .hasMessageStartingWith("must use https");
        // "localhost" that resolves elsewhere is not the local receiver.
        dns.put("localhost", new String[] {"203.119.25.1"});
        assertThatThrownBy(() -> rule(true).check("http://localhost/hook")).isInstanceOf(CallbackRule.Refused.class);
    }

    @Test
    void malformedURLsAndUserInformationAreRefused() {
        for (String url : List.of("not a url", "/relative/hook", "https:///nohost", "https://user:pw@portal.example.com/",
                "ftp://portal.example.com/")) {
            assertThatThrownBy(() -> rule(true).parse(url)).as(url).isInstanceOf(CallbackRule.Refused.class);
        }
    }

    @Test
    void networksAreParsedStrictly() {
        assertThat(Cidr.parse("10.0.0.0/8").contains(addr("10.255.1.1"))).isTrue();
        assertThat(Cidr.parse("172.16.0.0/12").contains(addr("172.32.0.1"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(addr("2001:db8:ffff::1"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(addr("10.0.0.1"))).isFalse();
        for (String bad : List.of("example.com/8", "10.0.0.0/33", "10.0.0.0/x", "", "::/129")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private CallbackRule rule(boolean plainHttpToLocalhost) {
        return new CallbackRule(plainHttpToLocalhost, List.of(), resolver);
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
