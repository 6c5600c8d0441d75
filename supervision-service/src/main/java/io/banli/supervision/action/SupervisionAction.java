package io.banli.supervision.action;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing the office did to move an item or a unit along (督办). */
@Entity
public class SupervisionAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long unitId;

    @Enumerated(EnumType.STRING)
    public ActionKind kind;

    public String note;

    public LocalDate takenOn;

    public Instant recordedAt;

    public String recordedBy;
}
