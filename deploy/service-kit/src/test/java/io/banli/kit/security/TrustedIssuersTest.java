package io.banli.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TrustedIssuersTest {

    final TrustedIssuers issuers = new TrustedIssuers("https://sso.example.gov.cn", "https://intake.banli.local");

    @Test
    void theIdentityProviderIssuesEveryRole() {
        assertThat(issuers.accepts("https://sso.example.gov.cn", Set.of(Roles.OFFICE))).isTrue();
        assertThat(issuers.accepts("https://sso.example.gov.cn", Set.of(Roles.PLATFORM))).isTrue();
    }

    @Test
    void intakeIssuesPlatformTokensOnly() {
        assertThat(issuers.accepts("https://intake.banli.local", Set.of(Roles.PLATFORM))).isTrue();
        assertThat(issuers.accepts("https://intake.banli.local", Set.of(Roles.OFFICE))).isFalse();
        assertThat(issuers.accepts("https://intake.banli.local", Set.of(Roles.PLATFORM, Roles.OFFICE))).isFalse();
    }

    @Test
    void anyOtherIssuerOrNoneIsRefused() {
        assertThat(issuers.accepts("https://evil.example", Set.of(Roles.PLATFORM))).isFalse();
        assertThat(issuers.accepts(null, Set.of(Roles.OFFICE))).isFalse();
    }
}
