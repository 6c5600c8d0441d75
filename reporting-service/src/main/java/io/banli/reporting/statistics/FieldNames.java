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

    /**
     * The names of the given codes, as {@link #of(EntityManager, String)} finds them, one index step per code
     * rather than a pass over every item.
     */
    public static Map<String, String> of(EntityManager em, String itemTable, List<String> codes) {
        Map<String, String> names = new HashMap<>();
        for (String code : codes) {
            List<?> name = em.createNativeQuery("select field_name from " + itemTable + " where field = :f and "
                    + "field_name is not null order by registered_at desc nulls last, submission_id desc limit 1")
                    .setParameter("f", code).getResultList();
            if (!name.isEmpty()) {
                names.put(code, (String) name.get(0));
            }
        }
        return names;
    }
}
