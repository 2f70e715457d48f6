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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies a plan entity by entity: steps in order; within a step up to {@code parallelism} writes at once. When a
 * write fails for good, the step lets its in-flight writes finish, starts none of its queued ones, and no later step
 * starts; every change not applied is listed as skipped with the reason (a failed dependency, or the stop).
 */
final class DbModeRun {
    private final Plan plan;
    private final ApplyOptions options;
    private final ChangeStep step;
    private final Retrier retrier;
    private final List<ApplyResult.Retry> retries = Collections.synchronizedList(new ArrayList<>());
    private final Map<Change, Object> outcome = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, Change> byKey = new java.util.HashMap<>();
    private volatile Change firstFailure;

    DbModeRun(Plan plan, KongAdmin admin, ApplyOptions options) {
        this.plan = plan;
        this.options = options;
        this.step = new ChangeStep(admin);
        this.retrier = new Retrier(options.retry(), options.sleeper(), options.jitterSeed(), retries);
        plan.changes().forEach(c -> byKey.put(c.key(), c));
    }

    ApplyResult run() {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
            Thread t = new Thread(r, "kong-apply");
            t.setDaemon(true);
            return t;
        });
        try {
            for (PlanStep s : plan.steps()) {
                if (firstFailure != null || Thread.currentThread().isInterrupted()) break;
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
        AtomicBoolean stepFailed = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        for (Change c : s.changes()) {
            futures.add(pool.submit(() -> {
                if (stepFailed.get()) return;
                try {
                    retrier.call(c.label(), () -> {
                        step.run(c);
                        return null;
                    });
                    outcome.put(c, Boolean.TRUE);
                } catch (KongApiException e) {
                    fail(c, e, stepFailed);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(c, new KongApiException("interrupted", 0, null, null, null, null, c.entity(), e), stepFailed);
                } catch (RuntimeException e) {
                    fail(c, new KongApiException(e.toString(), 0, null, null, null, null, c.entity(), e), stepFailed);
                }
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

    private void fail(Change c, KongApiException e, AtomicBoolean stepFailed) {
        outcome.put(c, errorOf(c, e));
        synchronized (this) {
            if (firstFailure == null) firstFailure = c;
        }
        stepFailed.set(true);
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
        Change failedDep = failedDependency(c, new java.util.HashSet<>());
        if (failedDep != null) return "depends on " + failedDep.label() + ", which failed";
        if (firstFailure == null) return "not started: the run was interrupted";
        return "not started: the run stopped after " + firstFailure.label() + " failed";
    }

    private Change failedDependency(Change c, java.util.Set<String> seen) {
        for (String k : c.dependsOn()) {
            Change dep = byKey.get(k);
            if (dep == null || !seen.add(k)) continue;
            if (outcome.get(dep) instanceof ApplyError) return dep;
            Change deeper = failedDependency(dep, seen);
            if (deeper != null) return deeper;
        }
        return null;
    }
}
