package io.banli.reporting.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * What a caller may see: the office, leaders, auditors and platform clients (aggregate figures only, with
 * the scope {@code statistics:read}) every figure; a unit's staff and head only
 * their own unit's, whatever they ask for (another unit's figures answer 404, as rows they may not
 * see do everywhere).
 */
@ApplicationScoped
public class Scope {

    @Inject
    Caller caller;

    public Filter limit(Filter f) {
        f.validated();
        if (caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.LEADER) || caller.hasRole(Roles.AUDITOR)
                || caller.hasRole(Roles.PLATFORM)) {
            return f;
        }
        long own = caller.unitId().orElseThrow(() -> Problems.forbidden("The token names no unit."));
        if (f.unitId != null && f.unitId != own) {
            throw Problems.notFound("unit", f.unitId);
        }
        f.unitId = own;
        return f;
    }

    /** Rounding of printed percentages: 2 decimals unless the report asks otherwise (the seeds print 1). */
    public static int decimals(Integer requested) {
        if (requested == null) {
            return 2;
        }
        if (requested < 0 || requested > 3) {
            throw Problems.badInput("invalid-parameter", "decimals", "query", "must be between 0 and 3");
        }
        return requested;
    }
}
