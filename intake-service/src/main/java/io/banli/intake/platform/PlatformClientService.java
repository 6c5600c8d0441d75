package io.banli.intake.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.banli.intake.member.ContactMask;
import io.banli.intake.member.Member;
import io.banli.intake.platform.PlatformClientRequests.Change;
import io.banli.intake.platform.PlatformClientRequests.Registration;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Scopes;

/**
 * The office's changes to the registry, each audited with what it was before and after. Neither the secret nor
 * its hash ever reaches the audit log, and the contact's e-mail appears there only masked.
 */
@ApplicationScoped
@Transactional
public class PlatformClientService {

    static final String SUBJECT = "platform-client";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int DEFAULT_GRACE_MINUTES = 60;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    io.banli.kit.change.StateChange change;

    @Inject
    Clock clock;

    @Inject
    ClientSecrets secrets;

    public PlatformClientView.WithSecret register(Registration r) {
        checkScopes(r.scopes());
        checkEmail(r.contactEmail());
        List<Long> memberIds = r.memberIds() == null ? List.of() : r.memberIds();
        checkMembers(memberIds);
        String clientId = r.clientId() != null ? r.clientId() : generatedId();
        if (PlatformClient.findById(clientId) != null) {
            throw Problems.problem(409, "duplicate-client-id", "Conflict",
                    "A platform client " + clientId + " is already registered.");
        }
        PlatformClient c = new PlatformClient();
        c.clientId = clientId;
        c.name = r.name();
        c.owner = r.owner();
        c.contactName = r.contactName();
        c.contactEmail = r.contactEmail();
        c.scopes = new ArrayList<>(r.scopes().stream().distinct().toList());
        c.allMembers = r.allMembers();
        c.memberIds = new ArrayList<>(memberIds.stream().distinct().toList());
        c.delegations = new ArrayList<>(r.delegations() == null ? List.of() : r.delegations().stream().distinct().toList());
        c.unitIds = new ArrayList<>(r.unitIds() == null ? List.of() : r.unitIds().stream().distinct().toList());
        String secret = ClientSecrets.generate();
        c.secretHash = secrets.hash(secret);
        c.state = PlatformClient.State.ACTIVE;
        c.createdAt = clock.instant();
        c.persist();
        em.flush();
        audit.record("platform-client.registered", SUBJECT, clientId, "-> " + describe(c));
        announce(c);
        return new PlatformClientView.WithSecret(clientId, secret, null, PlatformClientView.of(c, true));
    }

    public PlatformClientView change(String clientId, Change r) {
        PlatformClient c = forChange(clientId, r.version());
        if (r.scopes() != null) {
            checkScopes(r.scopes());
        }
        if (r.contactEmail() != null) {
            checkEmail(r.contactEmail());
        }
        if (r.memberIds() != null) {
            checkMembers(r.memberIds());
        }
        String before = describe(c);
        c.name = Objects.requireNonNullElse(r.name(), c.name);
        c.owner = Objects.requireNonNullElse(r.owner(), c.owner);
        c.contactName = Objects.requireNonNullElse(r.contactName(), c.contactName);
        c.contactEmail = Objects.requireNonNullElse(r.contactEmail(), c.contactEmail);
        if (r.scopes() != null) {
            c.scopes = new ArrayList<>(r.scopes().stream().distinct().toList());
        }
        c.allMembers = Objects.requireNonNullElse(r.allMembers(), c.allMembers);
        if (r.memberIds() != null) {
            c.memberIds = new ArrayList<>(r.memberIds().stream().distinct().toList());
        }
        if (r.delegations() != null) {
            c.delegations = new ArrayList<>(r.delegations().stream().distinct().toList());
        }
        if (r.unitIds() != null) {
            c.unitIds = new ArrayList<>(r.unitIds().stream().distinct().toList());
        }
        // Lists are replaced, not mutated, so Hibernate sees the change; the version moves with it.
        em.flush();
        audit.record("platform-client.updated", SUBJECT, clientId, before + " -> " + describe(c));
        announce(c);
        return PlatformClientView.of(c, true);
    }

    /** A new secret at once; the old one keeps working for the grace period (none when it is 0). */
    public PlatformClientView.WithSecret rotateSecret(String clientId, Integer graceMinutes) {
        PlatformClient c = forChange(clientId, null);
        int grace = graceMinutes == null ? DEFAULT_GRACE_MINUTES : graceMinutes;
        String secret = ClientSecrets.generate();
        if (grace == 0) {
            c.previousSecretHash = null;
            c.previousSecretValidUntil = null;
        } else {
            c.previousSecretHash = c.secretHash;
            c.previousSecretValidUntil = clock.instant().plus(Duration.ofMinutes(grace));
        }
        c.secretHash = secrets.hash(secret);
        em.flush();
        audit.record("platform-client.secret-rotated", SUBJECT, clientId, grace == 0
                ? "the previous secret stopped working at once"
                : "the previous secret works until " + c.previousSecretValidUntil);
        return new PlatformClientView.WithSecret(clientId, secret, c.previousSecretValidUntil,
                PlatformClientView.of(c, true));
    }

    public PlatformClientView revoke(String clientId, String reason) {
        PlatformClient c = forChange(clientId, null);
        c.state = PlatformClient.State.REVOKED;
        c.revokedAt = clock.instant();
        c.previousSecretHash = null;
        c.previousSecretValidUntil = null;
        em.flush();
        audit.record("platform-client.revoked", SUBJECT, clientId,
                "ACTIVE -> REVOKED" + (reason == null || reason.isBlank() ? "" : ": " + reason));
        announce(c);
        return PlatformClientView.of(c, true);
    }

    /** The grant as it now stands, for reporting's check of platform calls (in this transaction: no dual write). */
    private void announce(PlatformClient c) {
        change.announce(io.banli.intake.submission.SubmissionEvents.TOPIC, PlatformClientEvents.CHANGED, c.clientId,
                PlatformClientEvents.PlatformClientChangedV1.of(c, clock.instant()));
    }

    /** Locks the row, so a rotation and a revocation at once queue instead of overwriting each other. */
    private PlatformClient forChange(String clientId, Long expectedVersion) {
        PlatformClient c = em.find(PlatformClient.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw Problems.notFound("platform client", clientId);
        }
        if (expectedVersion != null && expectedVersion != c.version) {
            throw Problems.problem(409, "stale-version", "Conflict", "Platform client " + clientId
                    + " has changed: it is at version " + c.version + ", the request was made against version "
                    + expectedVersion + ". Reload and retry.");
        }
        if (!c.active()) {
            throw Problems.illegalTransition("Platform client " + clientId + " is " + c.state
                    + ": a revoked client cannot be changed, rotated or revoked again.");
        }
        return c;
    }

    private static void checkScopes(List<String> scopes) {
        List<String> unknown = scopes.stream().filter(s -> !Scopes.ALL.contains(s)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw Problems.unprocessable("unknown-scope", "Unknown scope " + String.join(", ", unknown)
                    + "; the scopes are " + String.join(", ", Scopes.ALL) + ".");
        }
    }

    private static void checkEmail(String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw Problems.unprocessable("invalid-contact-email", "contactEmail is not an e-mail address.");
        }
    }

    private static void checkMembers(List<Long> memberIds) {
        List<Long> unknown = memberIds.stream().filter(id -> Member.findById(id) == null).distinct().toList();
        if (!unknown.isEmpty()) {
            throw Problems.unprocessable("unknown-member", "No member with id " + unknown + ".");
        }
    }

    private static String generatedId() {
        String id;
        do {
            id = "pc-" + ClientSecrets.generate().substring(0, 8).toLowerCase(Locale.ROOT).replace('_', 'x')
                    .replace('-', 'y');
        } while (PlatformClient.findById(id) != null);
        return id;
    }

    /** Everything the registry grants, with the contact's e-mail masked: the audit log holds no personal data. */
    private static String describe(PlatformClient c) {
        return "name=" + c.name + ", owner=" + c.owner + ", contactEmail=" + ContactMask.email(c.contactEmail)
                + ", scopes=" + c.scopes + ", allMembers=" + c.allMembers + ", memberIds=" + c.memberIds
                + ", delegations=" + c.delegations + ", unitIds=" + c.unitIds + ", state=" + c.state;
    }
}
