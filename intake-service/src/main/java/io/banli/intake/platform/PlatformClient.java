package io.banli.intake.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An integrating system registered by the office: what it may do ({@link #scopes}) and for whom (members by
 * id or by delegation, units by id). Tokens name it by {@link #clientId}.
 */
@Entity
public class PlatformClient extends PanacheEntityBase {

    @Schema(name = "PlatformClientState", description = "Whether a platform client may get tokens.")
    public enum State {
        ACTIVE, REVOKED
    }

    @Id
    public String clientId;

    public String name;

    /** The organisation answerable for the system (e.g. 市人大常委会代表工作室). */
    public String owner;

    public String contactName;

    /** Where a paused webhook subscription is reported; personal data, masked for everyone but the office. */
    public String contactEmail;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> scopes = new ArrayList<>();

    /** The delegate-duty portal of the whole congress (or CPPCC) acts for every member. */
    public boolean allMembers;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Long> memberIds = new ArrayList<>();

    /** 代表团 or 界别: the client acts for every member of these. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> delegations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Long> unitIds = new ArrayList<>();

    public String secretHash;

    public String previousSecretHash;

    public Instant previousSecretValidUntil;

    @Enumerated(EnumType.STRING)
    public State state;

    public Instant createdAt;

    public Instant revokedAt;

    @Version
    public long version;

    public boolean active() {
        return state == State.ACTIVE;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
