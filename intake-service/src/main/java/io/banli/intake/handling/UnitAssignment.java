package io.banli.intake.handling;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A unit handling a submission, as assignment announced it: the unit may read the submission. */
@Entity
@IdClass(UnitAssignment.Key.class)
public class UnitAssignment extends PanacheEntityBase {

    /** The composite key: one row per submission and unit. */
    public static class Key implements Serializable {
        public Long submissionId;
        public Long unitId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(submissionId, k.submissionId) && Objects.equals(unitId, k.unitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, unitId);
        }
    }

    @Id
    public Long submissionId;

    @Id
    public Long unitId;

    public String unitName;

    public Instant assignedAt;
}
