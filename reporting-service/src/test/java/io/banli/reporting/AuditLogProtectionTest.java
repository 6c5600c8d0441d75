package io.banli.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reporting runs like the other services as its app role, which may only add to and read the audit log and creates
 * nothing; the owner migrates and cannot rewrite the log either (the rebuild still works: {@link RebuildTest}).
 */
@QuarkusTest
class AuditLogProtectionTest {

    @Inject
    EntityManager em;

    @Test
    void theServiceRunsAsItsAppRoleNotAsTheOwner() {
        Object user = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select current_user")
                .getSingleResult());
        assertThat(user).isEqualTo("reporting_app");
        assertThat(ConfigProvider.getConfig().getValue("quarkus.flyway.username", String.class)).isNotEqualTo(user);
    }

    @Test
    void theServicesRoleMayOnlyInsertAndRead() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into audit_log (at, actor, roles, "
                + "action, subject_type, subject_id) values (now(), 'test', 'test', 'test.added', 'test', 'added')")
                .executeUpdate());
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from audit_log where action = 'test.added'").getSingleResult())).isNotEqualTo(0L);
        for (String sql : List.of("update audit_log set actor = 'someone-else'", "delete from audit_log",
                "truncate audit_log", "select audit_log_purge(interval '400 days')",
                "create table smuggled (id bigint)", "alter table item add column smuggled text",
                "drop table rebuild_item")) {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(sql).getResultList()));
            assertThat(causes(refused)).as(sql).containsAnyOf("permission denied", "must be owner");
        }
    }

    /** The messages of a refusal and its causes; empty if nothing was refused. */
    private static String causes(Throwable refused) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void theOwnerCannotRewriteOrTruncateItEither() throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection owner = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
                Statement statement = owner.createStatement()) {
            // Row triggers fire only on rows: there is one to refuse.
            statement.execute("insert into audit_log (at, actor, roles, action, subject_type, subject_id) values "
                    + "(now(), 'test', 'test', 'test.kept', 'test', 'kept')");
            for (String sql : List.of("update audit_log set actor = 'someone-else'", "delete from audit_log",
                    "truncate audit_log")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
    }
}
