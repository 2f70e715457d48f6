package io.konggitops.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a function over the manifest files on a bounded pool (one thread per core, at most one per file) and
 * returns the results in the order of the files, so that loading in parallel gives exactly what a serial load gives.
 * With one file or one core the caller's thread does the work. The pool lives for one call.
 */
final class ParallelFiles {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private ParallelFiles() {
    }

    static <T, R> List<R> map(List<T> files, Function<T, R> work) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), files.size());
        if (threads <= 1) {
            List<R> out = new ArrayList<>(files.size());
            for (T f : files) out.add(work.apply(f));
            return out;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "manifest-loader-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(files.size());
            for (T f : files) futures.add(executor.submit(() -> work.apply(f)));
            List<R> out = new ArrayList<>(files.size());
            for (Future<R> f : futures) out.add(join(f));
            return out;
        } finally {
            executor.shutdownNow();
        }
    }

    private static <R> R join(Future<R> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
