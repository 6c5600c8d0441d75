package io.banli.assignment.reply;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A unit's written reply (答复). Never updated: a correction is a new reply that keeps this one. */
@Entity
public class Reply extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long unitId;

    public String text;

    @Enumerated(EnumType.STRING)
    public ResultClass resultClass;

    /** SHA-256 of the reply's content, hex. */
    public String fingerprint;

    public Instant submittedAt;

    public String submittedBy;
}
