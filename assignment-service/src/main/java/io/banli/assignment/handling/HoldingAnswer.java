package io.banli.assignment.handling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 情况说明: a written explanation of where handling stands, before the reply is due. */
@Entity
public class HoldingAnswer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    public String text;

    public Instant recordedAt;

    public String recordedBy;
}
