package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.banli.intake.webhook.SecretCipher;

/**
 * Webhook signing secrets were stored readable; from here on they are sealed with AES-GCM under a configured key
 * ({@link SecretCipher}), the key's id beside each. Existing rows are sealed here with the current key. A Java
 * migration because the key comes from configuration, never from the database. (Flyway finds Java migrations by
 * their package, the location {@code db/migration}.)
 */
public class V12_1__Encrypt_webhook_secrets extends BaseJavaMigration {

    private record Row(long id, String secret, String previous) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("""
                    alter table webhook_subscription rename column secret to secret_ciphertext;
                    alter table webhook_subscription rename column previous_secret to previous_secret_ciphertext;
                    alter table webhook_subscription add column secret_key_id text,
                                                     add column previous_secret_key_id text;
                    comment on column webhook_subscription.secret_ciphertext is
                        'AES-GCM: base64 of nonce and ciphertext, sealed with the key named in secret_key_id';
                    """);
        }
        List<Row> rows = new ArrayList<>();
        try (Statement select = db.createStatement(); ResultSet rs = select.executeQuery(
                "select id, secret_ciphertext, previous_secret_ciphertext from webhook_subscription order by id")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        if (!rows.isEmpty()) {
            seal(db, rows);
        }
        try (Statement ddl = db.createStatement()) {
            ddl.execute("alter table webhook_subscription alter column secret_key_id set not null");
        }
    }

    private static void seal(Connection db, List<Row> rows) throws Exception {
        SecretCipher cipher = SecretCipher.parse(ConfigProvider.getConfig()
                .getOptionalValue("banli.webhooks.secret-keys", String.class).orElse(null));
        if (!cipher.configured()) {
            throw new IllegalStateException("Webhook secrets must be encrypted, but no key is configured: set "
                    + "BANLI_WEBHOOKS_SECRET_KEYS (id:base64 of 32 random bytes) and start again.");
        }
        try (PreparedStatement update = db.prepareStatement("""
                update webhook_subscription set secret_ciphertext = ?, secret_key_id = ?,
                       previous_secret_ciphertext = ?, previous_secret_key_id = ? where id = ?""")) {
            for (Row row : rows) {
                SecretCipher.Sealed secret = cipher.seal(row.secret());
                SecretCipher.Sealed previous = row.previous() == null ? null : cipher.seal(row.previous());
                update.setString(1, secret.ciphertext());
                update.setString(2, secret.keyId());
                update.setString(3, previous == null ? null : previous.ciphertext());
                update.setString(4, previous == null ? null : previous.keyId());
                update.setLong(5, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
