package io.banli.assignment.commitment;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One progress report on a commitment (also the yearly report on a B-class item, 回头看). */
@Entity
public class CommitmentProgress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long commitmentId;

    public int percent;

    public String note;

    public LocalDate progressedOn;

    public Instant recordedAt;

    public String recordedBy;
}
