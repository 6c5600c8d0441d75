package io.banli.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * A leader reads the aggregate figures like the office (they name no item), but where the report or an
 * export lists items one by one, only the key items they lead (their token's {@code leader_name} is the
 * item's leading official); a leader's token without a name lists none.
 */
@ApplicationScoped
public class LeaderItems {

    @Inject
    Caller caller;

    private boolean narrowed() {
        return caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.AUDITOR);
    }

    /** A condition on the item table (alias {@code i}) to append to a where clause; empty for anyone else. */
    public String condition() {
        if (!narrowed()) {
            return "";
        }
        return caller.leaderName().filter(name -> !name.isBlank()).isPresent()
                ? " and i.key_item and i.leading_official = :leaderName" : " and false";
    }

    /** Binds what {@link #condition} names. */
    public Query bind(Query query) {
        if (narrowed() && caller.leaderName().filter(name -> !name.isBlank()).isPresent()) {
            query.setParameter("leaderName", caller.leaderName().get());
        }
        return query;
    }
}
