package io.banli.kit.sql;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * A native statement whose parameters are bound with their SQL type, so a null (an event without an
 * assignment id, say) reaches PostgreSQL as a typed null instead of an untyped one it cannot place.
 */
public final class Sql {

    private final NativeQuery<?> query;

    private Sql(EntityManager em, String statement) {
        this.query = em.createNativeQuery(statement).unwrap(NativeQuery.class);
    }

    public static Sql of(EntityManager em, String statement) {
        return new Sql(em, statement);
    }

    public Sql bind(String name, Long value) {
        query.setParameter(name, value, StandardBasicTypes.LONG);
        return this;
    }

    public Sql bind(String name, Integer value) {
        query.setParameter(name, value, StandardBasicTypes.INTEGER);
        return this;
    }

    public Sql bind(String name, String value) {
        query.setParameter(name, value, StandardBasicTypes.STRING);
        return this;
    }

    public Sql bind(String name, Boolean value) {
        query.setParameter(name, value, StandardBasicTypes.BOOLEAN);
        return this;
    }

    public Sql bind(String name, Instant value) {
        query.setParameter(name, value, StandardBasicTypes.INSTANT);
        return this;
    }

    public Sql bindIds(String name, java.util.Collection<Long> values) {
        query.setParameterList(name, values, StandardBasicTypes.LONG);
        return this;
    }

    public int run() {
        return query.executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public <T> java.util.List<T> list() {
        return (java.util.List<T>) query.getResultList();
    }
}
