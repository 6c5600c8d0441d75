package io.banli.reporting.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.banli.reporting.projection.ParsedEvent;
import io.banli.reporting.tables.Target;
import io.banli.reporting.tables.Writes;

/**
 * Keeps the platform registry's grants as intake announces them, for {@link PlatformCallerCheck}. A client's
 * changes travel in order under its key; the version still guards a replayed older change.
 */
@ApplicationScoped
public class PlatformGrantWriter {

    @Inject
    Writes writes;


    public Map<String, Consumer<ParsedEvent>> handlers(Target t) {
        return Map.of(PlatformClientChanged.TYPE, e -> changed(t, e));
    }

    private void changed(Target t, ParsedEvent e) {
        PlatformClientChanged c = e.data(PlatformClientChanged.class);
        e.require("clientId, status, version", c.clientId(), c.status(), c.version());
        String table = t.table("platform_grant");
        writes.sql("insert into " + table + " (client_id, status, scopes, all_members, member_ids, "
                + "delegations, unit_ids, version, changed_at) values (:c, :status, cast(:scopes as text[]), :all, "
                + "cast(:members as bigint[]), cast(:delegations as text[]), cast(:units as bigint[]), :v, :at) "
                + "on conflict (client_id) do update set status = excluded.status, scopes = excluded.scopes, "
                + "all_members = excluded.all_members, member_ids = excluded.member_ids, "
                + "delegations = excluded.delegations, unit_ids = excluded.unit_ids, version = excluded.version, "
                + "changed_at = excluded.changed_at where " + table + ".version <= excluded.version")
                .bind("c", c.clientId()).bind("status", c.status())
                .bind("scopes", texts(c.scopes())).bind("all", Boolean.TRUE.equals(c.allMembers()))
                .bind("members", numbers(c.memberIds())).bind("delegations", texts(c.delegations()))
                .bind("units", numbers(c.unitIds())).bind("v", c.version())
                .bind("at", c.changedAt()).shared().run();
    }

    static String numbers(List<Long> ids) {
        return ids == null ? "{}" : "{" + String.join(",", ids.stream().filter(i -> i != null).map(String::valueOf)
                .toList()) + "}";
    }

    /** A PostgreSQL array literal of quoted texts (a delegation may hold commas or quotes). */
    static String texts(List<String> values) {
        return values == null ? "{}" : "{" + String.join(",", values.stream().filter(v -> v != null)
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
