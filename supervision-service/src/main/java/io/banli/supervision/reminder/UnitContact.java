package io.banli.supervision.reminder;

import java.io.Serializable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A unit's liaison officer or head, as reminders reach them. Personal information. */
@Entity
@IdClass(UnitContact.Key.class)
public class UnitContact extends PanacheEntityBase {

    @Id
    public Long unitId;

    @Id
    @Enumerated(EnumType.STRING)
    public ContactRole role;

    public String name;

    public String phone;

    public String email;

    /** The composite key: one contact per unit and role. */
    public static class Key implements Serializable {
        public Long unitId;
        public ContactRole role;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(unitId, k.unitId) && role == k.role;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(unitId, role);
        }
    }
}
