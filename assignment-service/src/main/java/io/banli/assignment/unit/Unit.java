package io.banli.assignment.unit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.banli.kit.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A handling unit (承办单位). Its staff's tokens carry its id in the {@code unit_id} claim. */
@Entity
public class Unit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    public boolean active = true;

    /** 联络员: receives reminders; name and phone are personal information. */
    public String liaisonName;

    public String liaisonPhone;

    /** 负责人: signs the unit's replies. */
    public String headName;

    public String headPhone;

    /** An active unit a part may be given to; anything else is a request that cannot be used (422). */
    public static Unit requireActive(long id) {
        return Unit.<Unit>findByIdOptional(id).filter(u -> u.active).orElseThrow(() -> Problems
                .unprocessable("unknown-unit", "No active unit with id " + id + "."));
    }
}
