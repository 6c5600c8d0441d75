package io.banli.kit.sql;

import java.util.function.Supplier;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.hql.HqlTranslator;
import org.hibernate.query.hql.internal.StandardHqlTranslator;
import org.hibernate.query.sqm.internal.SqmCreationOptionsStandard;
import org.hibernate.query.sqm.tree.SqmStatement;

import io.quarkus.arc.Arc;

/**
 * Hibernate's own HQL translator, one translation at a time in a service (the kit's configuration names it in
 * {@code hibernate.query.hql.translator}). Hibernate translates a query string the first time it meets it and keeps
 * the result, but nothing stops sixteen threads translating the same new string at once, and the HQL parser works
 * through a great deal of memory while its prediction tables are cold: sixteen first searches at once after a start
 * filled intake's 128 MB heap, and intake spent minutes in full collections answering 500. Later calls of a string
 * are answered from Hibernate's cache and never come here, so the lock only ever holds first translations.
 */
public class OneHqlTranslationAtATime implements HqlTranslator {

    private final Supplier<HqlTranslator> standard;
    private HqlTranslator translator;

    /** As Hibernate creates it: the standard translator of the service's session factory, made at first use. */
    public OneHqlTranslationAtATime() {
        this(OneHqlTranslationAtATime::standardOfThisService);
    }

    OneHqlTranslationAtATime(Supplier<HqlTranslator> standard) {
        this.standard = standard;
    }

    @Override
    public synchronized <R> SqmStatement<R> translate(String hql, Class<R> expectedResultType) {
        if (translator == null) {
            translator = standard.get();
        }
        return translator.translate(hql, expectedResultType);
    }

    /** What Hibernate builds when no translator is named: its node builder and options of the session factory. */
    private static HqlTranslator standardOfThisService() {
        SessionFactoryImplementor factory = Arc.container().instance(SessionFactory.class).get()
                .unwrap(SessionFactoryImplementor.class);
        return new StandardHqlTranslator(factory.getQueryEngine().getCriteriaBuilder(),
                new SqmCreationOptionsStandard(factory.getSessionFactoryOptions()));
    }
}
