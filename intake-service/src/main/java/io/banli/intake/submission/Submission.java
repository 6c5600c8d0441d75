package io.banli.intake.submission;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One item: a deputy's suggestion or a CPPCC member's proposal, from draft to registration. An update writes the
 * changed columns only: PostgreSQL then recomputes the title's and body's bigram codes (generated columns, V13) only
 * when the text changed, where writing every column recomputed them on every change of state (1.5 ms of the
 * database's time each, measured under the soak; a registration updates its item once).
 */
@Entity
@DynamicUpdate
public class Submission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long sessionId;

    /** Per-session number (第39号), given at registration: gap-free and unique within the session. */
    public Integer number;

    /**
     * The standing committee's own number of an imported item (its 第N号 in the committee's list), unique in the
     * session: the number people know, so letters print it instead of {@link #number}. Null when filed in Banli.
     */
    public Integer committeeNumber;

    @Enumerated(EnumType.STRING)
    public SubmissionKind kind;

    public String title;

    public String body;

    /** Code of the subject field (类别), one of the configurable taxonomy. */
    public String field;

    public Long leadProposerId;

    /** 集体提案: the party, committee or sector a proposal comes from; null for a personal item. */
    public String groupName;

    /** 重点建议/提案, handled under {@link #leadingOfficial} (领衔领导). */
    public boolean keyItem;

    public String leadingOfficial;

    /** Not to be published; {@link #confidentiality} says why. */
    public boolean confidential;

    @Enumerated(EnumType.STRING)
    public Confidentiality confidentiality;

    @Enumerated(EnumType.STRING)
    public SubmissionState state;

    /** Co-signers must sign before this instant to count. */
    public Instant coSignUntil;

    public Instant createdAt;

    public Instant filedAt;

    public String filedBy;

    public Instant registeredAt;

    public String registeredBy;

    public String refusalReason;

    @Enumerated(EnumType.STRING)
    public Disposition disposition;

    /** 并案: the item this one is handled together with. */
    public Long mergedIntoId;

    public Instant withdrawnAt;

    public String withdrawalReason;

    /** Set when assignment announces the first reply: from then on the item can no longer be withdrawn. */
    public Instant repliedAt;

    /** The standing committee's own reference of an imported row: a second import of it is skipped. */
    public String externalRef;

    @Version
    public long version;
}
