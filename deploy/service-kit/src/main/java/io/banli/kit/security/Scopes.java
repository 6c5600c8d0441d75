package io.banli.kit.security;

import java.util.List;

/** The scopes of the integration API, as a platform client's registry entry grants them. */
public final class Scopes {

    /** Drafts, co-signers, signature, filing, {@code POST /submissions}, withdrawal, attachment upload. */
    public static final String SUBMISSIONS_WRITE = "submissions:write";
    /** Submissions, sessions, fields, the members the client acts for. */
    public static final String SUBMISSIONS_READ = "submissions:read";
    /** A member's progress and {@code /my-items}. */
    public static final String PROGRESS_READ = "progress:read";
    /** A member's evaluation of a reply. */
    public static final String EVALUATIONS_WRITE = "evaluations:write";
    /** Webhook subscriptions and their deliveries. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    /** Reporting's statistics. */
    public static final String STATISTICS_READ = "statistics:read";

    public static final List<String> ALL = List.of(SUBMISSIONS_WRITE, SUBMISSIONS_READ, PROGRESS_READ,
            EVALUATIONS_WRITE, WEBHOOKS_MANAGE, STATISTICS_READ);

    /** The standard claim (RFC 8693 section 4.2) that carries them, space separated. */
    public static final String CLAIM = "scope";
    /** The OAuth client a platform token was issued to. */
    public static final String CLIENT_CLAIM = "client_id";

    private Scopes() {
    }
}
