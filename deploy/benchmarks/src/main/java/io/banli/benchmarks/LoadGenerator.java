package io.banli.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A small HTTP load generator in the benchmark's JVM: closed loop (N connections, each sends its next request
 * when the answer came: the throughput) or open loop (a fixed rate whatever the answers: the latency at that
 * rate, measured from when a request was due, so a slow answer cannot hide the requests queued behind it).
 */
final class LoadGenerator {

    /** What one run gave: answers per second, latency percentiles in ms, and how many failed. */
    record Result(int connections, double perSecond, double p50, double p99, double max, int ok, int failed) {

        String line(String what) {
            return "%s: %,.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %,d ok, %d failed"
                    .formatted(what, perSecond, p50, p99, max, ok, failed);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int expectedStatus;

    LoadGenerator(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    /** {@code connections} loops, each sending request n (counted across all loops) as soon as its last answer came. */
    Result closed(int connections, Duration duration, IntFunction<HttpRequest> request) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long until = System.nanoTime() + duration.toNanos();
        long[][] perLoop = new long[connections][];
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int loop = c;
            new Thread(() -> {
                long[] mine = new long[1024];
                int count = 0;
                try {
                    while (System.nanoTime() < until) {
                        long sent = System.nanoTime();
                        if (send(request.apply(next.getAndIncrement()))) {
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                            }
                            mine[count++] = System.nanoTime() - sent;
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    perLoop[loop] = Arrays.copyOf(mine, count);
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(perLoop).flatMapToLong(Arrays::stream).sorted().toArray();
        return result(connections, all, all.length / seconds, failed.get());
    }

    /** {@code perSecond} requests a second for {@code duration}, each timed from when it was due. */
    Result open(int perSecond, Duration duration, IntFunction<HttpRequest> request) throws InterruptedException {
        int total = (int) (perSecond * duration.toSeconds());
        long[] latencies = new long[total];
        boolean[] good = new boolean[total];
        CountDownLatch answered = new CountDownLatch(total);
        long start = System.nanoTime();
        paced(perSecond, duration, (n, due) -> http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> {
                    latencies[n] = System.nanoTime() - due;
                    good[n] = e == null && r.statusCode() == expectedStatus;
                    answered.countDown();
                }));
        // Past capacity the queue drains after the last request; what is still unanswered then counts as failed.
        answered.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int failed = 0;
        long[] ok = new long[total];
        int k = 0;
        for (int i = 0; i < total; i++) {
            if (good[i] && latencies[i] > 0) {
                ok[k++] = latencies[i];
            } else {
                failed++;
            }
        }
        long[] sorted = Arrays.copyOf(ok, k);
        Arrays.sort(sorted);
        return result(0, sorted, k / seconds, failed);
    }

    /** What an open loop whose requests depend on earlier answers does with slot {@code n}, due at {@code due}. */
    interface Slot {
        void fire(int n, long due);
    }

    /**
     * An open loop for mixed requests that depend on earlier answers (a workflow step needs the item the step
     * before it made): slot n is handed to {@code slot} at its due time, n / perSecond after the start, whatever
     * the earlier slots' answers; the slot sends asynchronously through {@link #http()} and times its answer from
     * {@code due}, so a late slot counts its own lateness. Returns once the last slot has fired.
     */
    void paced(int perSecond, Duration duration, Slot slot) {
        long total = perSecond * duration.toSeconds();
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            slot.fire(i, due);
        }
    }

    HttpClient http() {
        return http;
    }

    private boolean send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == expectedStatus;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result result(int connections, long[] sortedNanos, double perSecond, int failed) {
        if (sortedNanos.length == 0) {
            return new Result(connections, 0, 0, 0, 0, 0, failed);
        }
        return new Result(connections, perSecond, ms(sortedNanos, 0.50), ms(sortedNanos, 0.99),
                sortedNanos[sortedNanos.length - 1] / 1e6, sortedNanos.length, failed);
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
