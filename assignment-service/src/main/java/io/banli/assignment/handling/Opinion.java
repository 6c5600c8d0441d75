package io.banli.assignment.handling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 会办意见: a co-unit's opinion to the lead unit of a JOINT item; one per co-unit part. */
@Entity
public class Opinion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    public Long leadUnitId;

    public String text;

    public Instant sentAt;

    public String sentBy;
}
