package io.banli.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.banli.platform.DevTokens;

/** Bearer tokens for test users, one per role of {@code architecture.md}. */
public final class Tokens {

    /** The client id of the delegate-duty portal in tests. */
    public static final String PORTAL_CLIENT = "portal-client";

    /** Every scope of the integration API (the kit's {@code Scopes}), as a fully trusted client holds them. */
    public static final String[] ALL_SCOPES = {"submissions:write", "submissions:read", "progress:read",
        "evaluations:write", "webhooks:manage", "statistics:read"};

    private Tokens() {
    }

    public static String office() {
        return DevTokens.sign("office-zhang", "office", Map.of());
    }

    /** The delegate-duty portal's client with every scope, acting for no member in particular. */
    public static String platform() {
        return platform(PORTAL_CLIENT, null, ALL_SCOPES);
    }

    /** The portal's client with every scope, acting for {@code memberId}. */
    public static String platformFor(long memberId) {
        return platform(PORTAL_CLIENT, memberId, ALL_SCOPES);
    }

    /**
     * A platform client's token as intake's token endpoint issues it: {@code sub} and {@code client_id} name
     * the client, {@code scope} lists what it was granted, {@code member_id} (if not null) whom it acts for.
     */
    public static String platform(String clientId, Long memberId, String... scopes) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("client_id", clientId);
        claims.put("scope", String.join(" ", scopes));
        if (memberId != null) {
            claims.put("member_id", String.valueOf(memberId));
        }
        return DevTokens.sign(clientId, "platform", claims);
    }

    public static String auditor() {
        return DevTokens.sign("auditor-li", "auditor", Map.of());
    }

    public static String leader() {
        return DevTokens.sign("leader-wang", "leader", Map.of());
    }

    /** A leader who is the leading official (领衔领导) of the key items naming {@code name}. */
    public static String leader(String name) {
        return DevTokens.sign("leader-" + name, "leader", Map.of("leader_name", name));
    }

    public static String unitStaff(long unitId) {
        return DevTokens.sign("staff-of-unit-" + unitId, "unit-staff", Map.of("unit_id", String.valueOf(unitId)));
    }

    public static String unitHead(long unitId) {
        return DevTokens.sign("head-of-unit-" + unitId, "unit-head", Map.of("unit_id", String.valueOf(unitId)));
    }

    public static String member(long memberId) {
        return DevTokens.sign("member-" + memberId, "member", Map.of("member_id", String.valueOf(memberId)));
    }

    /** Correctly signed, but for another audience. */
    public static String officeOfAnotherAudience() {
        return DevTokens.sign(DevTokens.ISSUER, "another-system", "office-zhang", "office", Map.of(),
                Duration.ofHours(1));
    }

    /** Correctly signed, but naming another issuer. */
    public static String officeOfAnotherIssuer() {
        return DevTokens.sign("https://elsewhere.example", DevTokens.AUDIENCE, "office-zhang", "office", Map.of(),
                Duration.ofHours(1));
    }

    /** A correctly signed token whose lifetime is over. */
    public static String expiredOffice() {
        return DevTokens.sign("office-zhang", "office", Map.of(), Duration.ofMinutes(-10));
    }
}
