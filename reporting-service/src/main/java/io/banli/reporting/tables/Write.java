package io.banli.reporting.tables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;

/**
 * One statement of a projection writer with its named parameters. {@link #run()} executes it at once, or, while a
 * rebuild records its batch ({@link Writes#recording}), hands it to the recording, which sends many together.
 * Parameters are bound with their SQL type, so a null reaches PostgreSQL as a typed null it can place.
 */
public final class Write {

    /** A named parameter, its value and, for a null, its type. */
    record Parameter(String name, Object value, BasicTypeReference<?> type) {
    }

    private final EntityManager em;
    private final Consumer<Write> recording;
    final String statement;
    final List<Parameter> parameters = new ArrayList<>();
    /** Writes rows that events of several submissions share (a member, a platform client): see {@link Recording}. */
    boolean shared;

    Write(EntityManager em, Consumer<Write> recording, String statement) {
        this.em = em;
        this.recording = recording;
        this.statement = statement;
    }

    public Write bind(String name, Long value) {
        return add(name, value, StandardBasicTypes.LONG);
    }

    public Write bind(String name, Integer value) {
        return add(name, value, StandardBasicTypes.INTEGER);
    }

    public Write bind(String name, String value) {
        return add(name, value, StandardBasicTypes.STRING);
    }

    public Write bind(String name, Boolean value) {
        return add(name, value, StandardBasicTypes.BOOLEAN);
    }

    public Write bind(String name, Instant value) {
        return add(name, value, StandardBasicTypes.INSTANT);
    }

    public Write bind(String name, LocalDate value) {
        return add(name, value, StandardBasicTypes.LOCAL_DATE);
    }

    /** A value whose type is its own (never null), or a list of values for {@code in (:name)}. */
    public Write bind(String name, Object value) {
        return add(name, value, null);
    }

    /**
     * Marks a write to rows that events of several submissions share: a rebuild keeps all such writes in their order
     * and applies them after the batch's other writes, which never read them.
     */
    public Write shared() {
        shared = true;
        return this;
    }

    private Write add(String name, Object value, BasicTypeReference<?> type) {
        parameters.add(new Parameter(name, value, type));
        return this;
    }

    /** Executes the statement, or records it while a rebuild records its batch. */
    public void run() {
        if (recording != null) {
            recording.accept(this);
            return;
        }
        NativeQuery<?> query = em.createNativeQuery(statement).unwrap(NativeQuery.class);
        for (Parameter p : parameters) {
            if (p.value() instanceof Collection<?> values) {
                query.setParameterList(p.name(), values);
            } else if (p.type() != null) {
                @SuppressWarnings("unchecked")
                BasicTypeReference<Object> type = (BasicTypeReference<Object>) p.type();
                query.setParameter(p.name(), p.value(), type);
            } else {
                query.setParameter(p.name(), p.value());
            }
        }
        query.executeUpdate();
    }
}
