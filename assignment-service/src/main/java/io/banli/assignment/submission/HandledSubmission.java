package io.banli.assignment.submission;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * This service's copy of a registered submission, taken from intake's event: assignment never
 * calls intake, so it keeps working when intake is down.
 */
@Entity
public class HandledSubmission extends PanacheEntityBase {

    /** intake's submission id. */
    @Id
    public Long id;

    public Long sessionId;

    public int number;

    public String kind;

    public String title;

    public String field;

    /** The lead proposer's public name, as printed on the reply. */
    public String leadProposer;

    public Instant registeredAt;
}
