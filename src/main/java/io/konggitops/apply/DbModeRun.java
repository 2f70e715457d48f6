package io.konggitops.apply;

import io.konggitops.diff.Change;
import io.konggitops.diff.Plan;
import io.konggitops.diff.PlanStep;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Applies a plan entity by entity: steps in order; within a step up to {@code parallelism} writes at once. A write
 * that fails for good (after the retries of 5xx, 429 and I/O errors) skips only what depends on it, transitively via
 * {@link Change#dependsOn()}: a rejected Service skips its Routes and their Plugins, and every other change is still
 * applied. A skipped change names the failed write it waited for. Only an interrupt stops the run early.
 */
final class DbModeRun {
    private final Plan plan;
    private final ApplyOptions options;
    private final ChangeStep step;
    private final Retrier retrier;
    private final List<ApplyResult.Retry> retries = Collections.synchronizedList(new ArrayList<>());
    private final Map<Change, Object> outcome = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, Change> byKey = new java.util.HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
    /** Changes in the plan, counted once: {@code Plan.changes()} copies every step's list on each call. */
    private final int total;
    /** Marks a change not run because {@code failed} (a change of this plan) failed. */
    private record Blocked(Change failed) {
    }

    DbModeRun(Plan plan, KongAdmin admin, ApplyOptions options) {
        this.plan = plan;
        this.options = options;
        this.step = new ChangeStep(admin);
        this.retrier = new Retrier(options.retry(), options.sleeper(), options.jitterSeed(), retries);
        List<Change> all = plan.changes();
        all.forEach(c -> byKey.put(c.key(), c));
        this.total = all.size();
    }

    ApplyResult run() {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
            Thread t = new Thread(r, "kong-apply");
            t.setDaemon(true);
            return t;
        });
        try {
            for (PlanStep s : plan.steps()) {
                if (Thread.currentThread().isInterrupted()) break;
                runStep(pool, s);
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return result();
    }

    private void runStep(ExecutorService pool, PlanStep s) {
        List<Future<?>> futures = new ArrayList<>();
        for (Change c : s.changes()) {
            Change blockedBy = failedDependency(c);
            if (blockedBy != null) {
                outcome.put(c, new Blocked(blockedBy));
                progressed();
                continue;
            }
            futures.add(pool.submit(() -> {
                try {
                    retrier.call(c.label(), () -> {
                        step.run(c);
                        return null;
                    });
                    outcome.put(c, Boolean.TRUE);
                } catch (KongApiException e) {
                    fail(c, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(c, new KongApiException("interrupted", 0, null, null, null, null, c.entity(), e));
                } catch (RuntimeException e) {
                    fail(c, new KongApiException(e.toString(), 0, null, null, null, null, c.entity(), e));
                }
                progressed();
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("apply task failed unexpectedly", e.getCause());
            }
        }
    }

    private void progressed() {
        options.progress().finished(finished.incrementAndGet(), total);
    }

    private void fail(Change c, KongApiException e) {
        outcome.put(c, errorOf(c, e));
    }

    static ApplyError errorOf(Change c, KongApiException e) {
        String op = c.action().name().toLowerCase(java.util.Locale.ROOT);
        return new ApplyError(op, c.type(), c.label(), c.source(), c.origin(), e.status(), describe(e, c), e);
    }

    /** Status, Kong's error name and message; for kinds with secret fields only status and name. */
    static String describe(KongApiException e, Change c) {
        StringBuilder sb = new StringBuilder(e.status() == 0 ? "I/O error" : "HTTP " + e.status());
        if (e.errorName() != null) sb.append(' ').append(e.errorName());
        boolean secretKind = c != null && io.konggitops.kong.SensitiveFields.hasSecretFields(c.type());
        if (!secretKind) {
            String msg = e.kongMessage() != null ? e.kongMessage() : e.status() == 0 ? e.getMessage() : null;
            if (msg != null) sb.append(": ").append(msg);
        }
        if (e.status() == 409 && c != null && c.action() != io.konggitops.diff.Action.DELETE) {
            sb.append(" (Kong already has a ").append(c.type().schemaName()).append(" with this name or key that "
                    + "does not carry the select tag, so it is not managed by kong-gitops and is not taken over: "
                    + "rename or remove it in Kong, or add the select tag to hand it over)");
        }
        return sb.toString();
    }

    private ApplyResult result() {
        List<Change> applied = new ArrayList<>();
        List<ApplyResult.Failure> failed = new ArrayList<>();
        List<ApplyResult.Skipped> skipped = new ArrayList<>();
        for (Change c : plan.changes()) {
            Object o = outcome.get(c);
            if (o == Boolean.TRUE) {
                applied.add(c);
            } else if (o instanceof ApplyError err) {
                failed.add(new ApplyResult.Failure(c, err));
            } else {
                skipped.add(new ApplyResult.Skipped(c, skipReason(c)));
            }
        }
        ApplyResult.Outcome out = failed.isEmpty() && skipped.isEmpty()
                ? ApplyResult.Outcome.APPLIED : ApplyResult.Outcome.FAILED;
        return new ApplyResult(out, applied, failed, skipped, new ArrayList<>(retries), null);
    }

    private String skipReason(Change c) {
        if (outcome.get(c) instanceof Blocked b) return "depends on " + b.failed().label() + ", which failed";
        return "not started: the run was interrupted";
    }

    /**
     * The failed change this one waits for, directly or through a change that was itself skipped for it; null when
     * every dependency in this plan succeeded (dependencies outside the plan are unchanged in Kong).
     */
    private Change failedDependency(Change c) {
        for (String k : c.dependsOn()) {
            Change dep = byKey.get(k);
            if (dep == null) continue;
            Object o = outcome.get(dep);
            if (o instanceof ApplyError) return dep;
            if (o instanceof Blocked b) return b.failed();
        }
        return null;
    }
}
