package io.banli.supervision.deadline;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.banli.supervision.rule.Stage;

/** What one unit owes by when, for one stage of one submission. */
@Entity
public class Deadline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    /** The item's number in its session (第N号), what texts for people print; null on deadlines opened before it was sent. */
    public Integer submissionNumber;

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

    /** NATIONAL, PROVINCE, CITY, COUNTY or TOWNSHIP, as the assignment gave it; null when not given. */
    public String level;

    /** The commitment a COMMITMENT deadline is for; null for the others and for yearly progress. */
    public Long commitmentId;

    /** 1 unless the stage comes round again on the same assignment (a second reply's evaluation, next year's progress). */
    public int cycle = 1;

    /** A last day given by an event (a promised date, an approved extension's date) instead of counted by the rule. */
    public LocalDate fixedLastDay;

    /** The rule version it was computed with. */
    public Long ruleId;

    /** Computed while a year it spans had no working-day calendar: recomputed when the year is loaded. */
    public boolean provisional;

    /** An extension was approved: the rule's extension is added. */
    public boolean extended;

    @Version
    public long version;
}
