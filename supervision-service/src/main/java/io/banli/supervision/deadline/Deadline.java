package io.banli.supervision.deadline;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What one unit owes by when, for one stage of one submission. */
@Entity
public class Deadline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    /** As the assignment named it, for notices. */
    public String unitName;

    /** A key item (重点建议/提案): reminders climb the stricter ladder, up to its leading official. */
    public boolean keyItem;

    /** The official who personally leads the key item's handling (领衔领导). */
    public String leadingOfficial;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    public Instant startsAt;

    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public DeadlineState state;

    public Instant metAt;

    public Boolean metOnTime;

    /** When the sweep found it past due and raised the overdue alert. */
    public Instant overdueAt;

    /** SUGGESTION or PROPOSAL: rules may differ by kind. */
    public String kind;

    /** The rule version it was computed with. */
    public Long ruleId;

    /** Computed while a year it spans had no working-day calendar: recomputed when the year is loaded. */
    public boolean provisional;

    /** An extension was approved: the rule's extension is added. */
    public boolean extended;

    @Version
    public long version;
}
