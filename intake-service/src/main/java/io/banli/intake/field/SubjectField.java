package io.banli.intake.field;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.banli.kit.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A subject field (类别) of the configurable taxonomy; reports give the share of each. */
@Entity
@Table(name = "field")
public class SubjectField extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** Retired fields stay for the items filed under them, but new items cannot use them. */
    public boolean active;

    /** Refuses (422) a code that is not an active field. */
    public static void requireActive(String code) {
        SubjectField field = findById(code);
        if (field == null || !field.active) {
            throw Problems.unprocessable("unknown-field", "No active field " + code
                    + "; see GET /api/v1/fields for the taxonomy.");
        }
    }
}
