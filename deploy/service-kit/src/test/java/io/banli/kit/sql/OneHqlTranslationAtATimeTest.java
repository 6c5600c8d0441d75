package io.banli.kit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.query.hql.HqlTranslator;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.junit.jupiter.api.Test;

class OneHqlTranslationAtATimeTest {

    @Test
    void translationsFromManyThreadsRunOneAtATimeThroughOneStandardTranslator() throws Exception {
        AtomicInteger made = new AtomicInteger();
        List<Boolean> underTheLock = Collections.synchronizedList(new ArrayList<>());
        OneHqlTranslationAtATime[] one = new OneHqlTranslationAtATime[1];
        HqlTranslator standard = new HqlTranslator() {
            @Override
            public <R> SqmStatement<R> translate(String hql, Class<R> type) {
                underTheLock.add(Thread.holdsLock(one[0]));
                return null;
            }
        };
        one[0] = new OneHqlTranslationAtATime(() -> {
            made.incrementAndGet();
            return standard;
        });
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String hql = "from Submission where id = " + i;
                calls.add(threads.submit(() -> one[0].translate(hql, Object.class)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(underTheLock).hasSize(64).containsOnly(true);
        assertThat(made).as("the standard translator is made once").hasValue(1);
    }
}
