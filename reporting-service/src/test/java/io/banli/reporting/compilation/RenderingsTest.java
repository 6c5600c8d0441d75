package io.banli.reporting.compilation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Documents are drawn at most so many at a time; the others wait for their turn and are all drawn. */
class RenderingsTest {

    @Test
    void atMostTwoAreDrawnAtOnceAndEveryOneGetsItsTurn() throws Exception {
        Renderings renderings = new Renderings(2);
        AtomicInteger drawing = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoIn = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Integer>> documents = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                documents.add(CompletableFuture.supplyAsync(() -> renderings.draw(() -> {
                    most.accumulateAndGet(drawing.incrementAndGet(), Math::max);
                    twoIn.countDown();
                    await(finish);
                    drawing.decrementAndGet();
                    return n;
                }), threads));
            }
            assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (renderings.waiting() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the other three queued: the marker that they are not drawing
            }
            assertThat(renderings.waiting()).isEqualTo(3);
            assertThat(drawing.get()).isEqualTo(2);
            finish.countDown();
            List<Integer> drawn = documents.stream().map(d -> d.orTimeout(10, TimeUnit.SECONDS).join()).toList();
            assertThat(drawn).containsExactly(0, 1, 2, 3, 4);
            assertThat(most.get()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedDrawingGivesItsTurnBack() throws Exception {
        Renderings renderings = new Renderings(1);
        assertThatThrownBy(() -> renderings.draw(() -> {
            throw new IllegalStateException("a chart the report drew cannot be read back");
        })).hasMessageContaining("cannot be read back");
        // With the one turn kept, this would wait for ever: the timeout fails it instead.
        assertThat(CompletableFuture.supplyAsync(() -> renderings.draw(() -> "next")).get(10, TimeUnit.SECONDS))
                .isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
