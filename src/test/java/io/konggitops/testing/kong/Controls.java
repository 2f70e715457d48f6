package io.konggitops.testing.kong;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The double's test controls that are not Kong behaviour: injected failures (status + {@code Retry-After}, N times or
 * always; status 0 drops the connection), gates that hold the first writes (or reads) until enough are in flight, and
 * the highest number of writes (reads) seen in flight at once. Thread-safe: requests run on many threads.
 */
final class Controls {
    /** One injected failure: requests with this method whose path starts with the prefix. */
    record Failure(String method, String pathPrefix, int status, AtomicInteger remaining, Duration retryAfter) {
        boolean matches(String m, String path) {
            return method.equals(m) && path.startsWith(pathPrefix);
        }

        /** Consumes one use; false once used up ({@code remaining < 0}: never used up). */
        boolean take() {
            if (remaining.get() < 0) return true;
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch gate;
    private final AtomicInteger readsInFlight = new AtomicInteger();
    private final AtomicInteger maxReadsInFlight = new AtomicInteger();
    private volatile CountDownLatch readGate;
    private volatile CountDownLatch release;
    private volatile boolean lying;

    void failOn(String method, String pathPrefix, int status, int times, Duration retryAfter) {
        failures.add(new Failure(method, pathPrefix, status, new AtomicInteger(times), retryAfter));
    }

    void clearFailures() {
        failures.clear();
    }

    /** The failure to answer this request with, or null. */
    Failure failure(String method, String path) {
        for (Failure f : failures) if (f.matches(method, path) && f.take()) return f;
        return null;
    }

    void holdFirstWrites(int n) {
        gate = new CountDownLatch(n);
    }

    void holdWritesUntil(CountDownLatch latch) {
        release = latch;
    }

    /** Called when a write arrives (before the store lock): counts it and waits at the gate (bounded) if armed. */
    void writeStarted() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        CountDownLatch r = release;
        if (r != null) {
            try {
                r.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        await(gate);
    }

    void writeEnded() {
        inFlight.decrementAndGet();
    }

    int maxConcurrentWrites() {
        return maxInFlight.get();
    }

    void holdFirstReads(int n) {
        readGate = new CountDownLatch(n);
    }

    /** Called when a read ({@code GET}) arrives: counts it and waits at the read gate (bounded) if armed. */
    void readStarted() {
        maxReadsInFlight.accumulateAndGet(readsInFlight.incrementAndGet(), Math::max);
        await(readGate);
    }

    void readEnded() {
        readsInFlight.decrementAndGet();
    }

    int maxConcurrentReads() {
        return maxReadsInFlight.get();
    }

    /** Counts one arrival down and waits (at most 5 s) until the gate is open: the first n arrivals meet there. */
    private static void await(CountDownLatch g) {
        if (g == null || g.getCount() == 0) return;
        g.countDown();
        try {
            g.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void clearConcurrencyCounts() {
        maxInFlight.set(inFlight.get());
        maxReadsInFlight.set(readsInFlight.get());
    }

    boolean lying() {
        return lying;
    }

    void lying(boolean on) {
        lying = on;
    }

    void reset() {
        failures.clear();
        maxInFlight.set(0);
        maxReadsInFlight.set(0);
        gate = null;
        readGate = null;
        release = null;
        lying = false;
    }
}
