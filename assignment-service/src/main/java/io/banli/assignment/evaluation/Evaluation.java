package io.banli.assignment.evaluation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 征询意见: one member's rating of one unit's sent reply, per round. */
@Entity
public class Evaluation extends PanacheEntityBase {

    public enum Rating {
        SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long replyId;

    public Long assignmentId;

    public Long unitId;

    public int round;

    public Long memberId;

    @Enumerated(EnumType.STRING)
    public Rating rating;

    public String comment;

    public Instant evaluatedAt;
}
