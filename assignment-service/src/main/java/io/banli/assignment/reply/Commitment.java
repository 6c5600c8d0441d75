package io.banli.assignment.reply;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 承诺事项: an action a reply promised by a date, followed until fulfilled. */
@Entity
public class Commitment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long replyId;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    public String action;

    public LocalDate promisedOn;

    public int percent;

    public boolean fulfilled;

    @Version
    public long version;
}
