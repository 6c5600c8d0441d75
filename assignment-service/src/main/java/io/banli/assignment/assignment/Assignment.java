package io.banli.assignment.assignment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One unit's part in handling one submission. */
@Entity
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long unitId;

    @Enumerated(EnumType.STRING)
    public HandlingMode mode;

    @Enumerated(EnumType.STRING)
    public UnitRole role;

    @Enumerated(EnumType.STRING)
    public AssignmentState state;

    public Instant assignedAt;

    public String assignedBy;

    @Version
    public long version;
}
