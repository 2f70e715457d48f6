package io.konggitops.kong;

import org.apache.hc.core5.concurrent.Cancellable;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@link AdminClient#read}: every collection is listed at once, and each upstream's targets as soon as the
 * upstreams are known, on a pool of {@code parallelism} threads (so at most that many requests are in flight). Each
 * listing still pages through {@link KongPager}. The result is assembled in the order a serial read has: the kinds in
 * {@link EntityType} order, each in Kong's listing order, then the targets upstream by upstream.
 *
 * <p>The first listing that fails fails the read with its own exception: the listings not started yet are cancelled,
 * the requests in flight are aborted, and the pool is shut down before {@link #read} returns or throws.
 */
final class KongReader implements AutoCloseable {
    private static final AtomicInteger READS = new AtomicInteger();

    private final AdminClient client;
    private final KongPaths paths;
    private final ExecutorService pool;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
    private final Set<Cancellable> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    KongReader(AdminClient client, KongPaths paths, int parallelism) {
        this.client = client;
        this.paths = paths;
        this.pool = Executors.newFixedThreadPool(parallelism, threadFactory("kong-read-" + READS.incrementAndGet() + "-"));
    }

    /** Every entity of {@code types}; {@code tags} is the tag filter of every listing (null: none). */
    KongState read(Set<EntityType> types, String tags) {
        Set<EntityType> wanted = types.isEmpty() ? EnumSet.noneOf(EntityType.class) : EnumSet.copyOf(types);
        Map<EntityType, Future<List<KongEntity>>> collections = new EnumMap<>(EntityType.class);
        // the parents first: the per-parent listings wait for them
        for (EntityType type : wanted) {
            type.spec().parentKind().ifPresent(parent ->
                    collections.computeIfAbsent(parent, p -> submit(() -> collection(p, tags))));
        }
        for (EntityType type : wanted) {
            if (type.nestedUnder().isEmpty()) collections.computeIfAbsent(type, t -> submit(() -> collection(t, tags)));
        }
        Map<EntityType, List<Future<List<KongEntity>>>> nested = new EnumMap<>(EntityType.class);
        for (EntityType type : wanted) {
            EntityType parentType = type.spec().parentKind().orElse(null);
            if (parentType == null) continue;
            List<Future<List<KongEntity>>> lists = new ArrayList<>();
            for (KongEntity parent : await(collections.get(parentType))) {
                URI children = paths.path(parentType.endpoint(), parent.id(), type.endpoint());
                lists.add(submit(() -> listing(type, children, tags)));
            }
            nested.put(type, lists);
        }
        List<KongEntity> out = new ArrayList<>();
        for (EntityType type : wanted) {
            if (type.nestedUnder().isEmpty()) out.addAll(await(collections.get(type)));
        }
        for (List<Future<List<KongEntity>>> lists : nested.values()) {
            for (Future<List<KongEntity>> list : lists) out.addAll(await(list));
        }
        return new KongState(out);
    }

    private List<KongEntity> collection(EntityType type, String tags) {
        try {
            return listing(type, paths.collection(type.endpoint()), tags);
        } catch (KongApiException e) {
            // a credential plugin that is not installed has no endpoint: there can be no such credentials
            if (type.spec().optionalEndpoint() && e.status() == 404) return List.of();
            throw e;
        }
    }

    private List<KongEntity> listing(EntityType type, URI uri, String tags) {
        return new KongPager(page -> client.page(page, type, this), uri, tags).all();
    }

    /**
     * Registers a request about to be sent, so that a failure elsewhere can abort it; refused (with the first
     * failure) once the read has failed.
     */
    void started(Cancellable request) {
        inFlight.add(request);
        RuntimeException failed = failure.get();
        if (failed != null) {
            inFlight.remove(request);
            throw new CancellationException("another listing failed");
        }
    }

    void ended(Cancellable request) {
        inFlight.remove(request);
    }

    private <T> Future<T> submit(Callable<T> work) {
        if (failure.get() != null) throw failure.get();
        Future<T> f = pool.submit(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                fail(e);
                throw e;
            }
        });
        pending.add(f);
        return f;
    }

    /** The first failure wins; everything else is stopped. */
    private void fail(RuntimeException e) {
        if (e instanceof CancellationException || !failure.compareAndSet(null, e)) return;
        for (Future<?> f : pending) f.cancel(true);
        for (Cancellable request : inFlight) request.cancel();
    }

    private <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error;
            throw firstFailure(e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        } catch (CancellationException e) {
            throw firstFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new KongApiException("reading the Kong Admin API at " + client.options().baseUrl()
                    + " was interrupted", 0, null, null, null, null, null, e));
            throw failure.get();
        }
    }

    private RuntimeException firstFailure(RuntimeException fallback) {
        RuntimeException first = failure.get();
        return first != null ? first : fallback;
    }

    /** Stops what is still running (after a failure) and waits until every thread of the pool has ended. */
    @Override
    public void close() {
        if (failure.get() != null) {
            for (Cancellable request : inFlight) request.cancel();
        }
        pool.shutdownNow();
        // the aborted requests end at once; a request that ignores its abort ends with the response timeout
        long deadline = System.nanoTime() + client.options().responseTimeout().toNanos();
        try {
            for (Thread t : threads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) t.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ThreadFactory threadFactory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
    }
}
