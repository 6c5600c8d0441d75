package io.banli.supervision.explanation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 超期说明: why a unit missed a deadline, in its own words. */
@Entity
public class OverdueExplanation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long deadlineId;

    public String text;

    public Instant filedAt;

    public String filedBy;
}
