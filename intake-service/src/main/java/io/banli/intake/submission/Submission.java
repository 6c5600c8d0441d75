package io.banli.intake.submission;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One filed item: a deputy's suggestion or a CPPCC member's proposal. */
@Entity
public class Submission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long sessionId;

    /** Per-session number (第39号), gap-free and unique within the session. */
    public int number;

    @Enumerated(EnumType.STRING)
    public SubmissionKind kind;

    public String title;

    public String body;

    @Enumerated(EnumType.STRING)
    public Field field;

    public Long leadProposerId;

    @Enumerated(EnumType.STRING)
    public SubmissionState state;

    public Instant registeredAt;

    public String registeredBy;

    @Version
    public long version;
}
