package io.banli.assignment.handling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A unit's contact with the proposer (沟通联系): feeds the contact and meeting rates. */
@Entity
public class Contact extends PanacheEntityBase {

    public enum Timing {
        BEFORE, DURING, AFTER
    }

    public enum Method {
        PHONE, VISIT, MEETING, INSPECTION, INVITATION;

        /** Everything but a phone call brings the unit and the proposer face to face (见面). */
        public boolean faceToFace() {
            return this != PHONE;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    @Enumerated(EnumType.STRING)
    public Timing timing;

    @Enumerated(EnumType.STRING)
    public Method method;

    public LocalDate contactedOn;

    public String note;

    public Instant recordedAt;

    public String recordedBy;
}
