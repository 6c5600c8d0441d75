package io.banli.reporting.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * The field taxonomy's names as intake's events carried them (registered and updated name the item's field): for
 * each code the name of its most recently registered item, so a field the office renamed prints by its new name.
 */
public final class FieldNames {

    private FieldNames() {
    }

    /** Code → name, from the given item table (live or rebuild). */
    @SuppressWarnings("unchecked")
    public static Map<String, String> of(EntityManager em, String itemTable) {
        Map<String, String> names = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select distinct on (field) field, field_name from "
                + itemTable + " where field is not null and field_name is not null"
                + " order by field, registered_at desc nulls last, submission_id desc").getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }
}
