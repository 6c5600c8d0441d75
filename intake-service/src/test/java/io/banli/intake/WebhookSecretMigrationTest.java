package io.banli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import db.migration.V12_1__Encrypt_webhook_secrets;
import io.banli.intake.webhook.SecretCipher;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The migration that sealed the webhook secrets stored readable before, run against a copy of the old table in a
 * scratch schema of the test database: afterwards no secret is readable, and each opens with the configured key.
 */
@QuarkusTest
class WebhookSecretMigrationTest {

    @Test
    void secretsStoredReadableAreSealedWithTheConfiguredKey() throws Exception {
        String schema = "migration_check_" + System.nanoTime();
        try (Connection db = IntakeFixtures.databaseOwner()) {
            try (Statement sql = db.createStatement()) {
                sql.execute("create schema " + schema);
                sql.execute("set search_path to " + schema);
                // The table as V5 left it, with two rows: one mid-rotation.
                sql.execute("""
                        create table webhook_subscription (id bigint primary key, secret text not null,
                            previous_secret text, previous_secret_valid_until timestamptz);
                        insert into webhook_subscription values (1, 'whsec_one', null, null),
                                                                (2, 'whsec_two', 'whsec_old', now());
                        """);
            }
            new V12_1__Encrypt_webhook_secrets().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return db;
                }
            });

            SecretCipher cipher = SecretCipher.parse(ConfigProvider.getConfig().getValue("banli.webhooks.secret-keys",
                    String.class));
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("""
                    select secret_ciphertext, secret_key_id, previous_secret_ciphertext, previous_secret_key_id
                    from webhook_subscription order by id""")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).doesNotContain("whsec");
                assertThat(cipher.open(new SecretCipher.Sealed(rows.getString(2), rows.getString(1))))
                        .isEqualTo("whsec_one");
                assertThat(rows.getString(3)).isNull();
                assertThat(rows.next()).isTrue();
                assertThat(cipher.open(new SecretCipher.Sealed(rows.getString(2), rows.getString(1))))
                        .isEqualTo("whsec_two");
                assertThat(cipher.open(new SecretCipher.Sealed(rows.getString(4), rows.getString(3))))
                        .isEqualTo("whsec_old");
                assertThat(rows.getString(2)).isEqualTo(cipher.currentKeyId());
            } finally {
                try (Statement sql = db.createStatement()) {
                    sql.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }
}
