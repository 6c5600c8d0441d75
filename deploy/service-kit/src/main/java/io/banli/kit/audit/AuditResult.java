package io.banli.kit.audit;

/** How an audited act ended: done, or refused (a wrong secret, a locked client, a denied read). */
public enum AuditResult {
    SUCCESS, DENIED
}
