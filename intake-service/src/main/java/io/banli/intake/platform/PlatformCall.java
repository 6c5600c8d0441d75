package io.banli.intake.platform;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One call of a platform client to intake: who, for which member, what, with which outcome. */
@Entity
public class PlatformCall extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String clientId;

    public Long memberId;

    public String method;

    /** The operation's path template ({@code /api/v1/drafts/{id}}), so ids of other rows are not collected. */
    public String path;

    public int status;

    public Instant at;
}
