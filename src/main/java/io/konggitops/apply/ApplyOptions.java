package io.konggitops.apply;

import io.konggitops.diff.DiffOptions;
import io.konggitops.diff.Schemas;

import java.util.Objects;

/**
 * How to apply a plan: {@code parallelism} concurrent writes within a dependency level (decK's default 10),
 * {@code retry} policy and the {@code sleeper} it waits with, the {@code guard} against mass deletion, {@code dbless}
 * (write the whole configuration with {@code POST /config} instead of entity by entity), the {@code jitterSeed}
 * for reproducible backoff, and {@code verify}: how to re-read and re-diff Kong after the writes to prove them (null:
 * no verification), and {@code progress}, told after each finished change.
 */
public record ApplyOptions(int parallelism, RetryPolicy retry, Sleeper sleeper, DeletionGuard guard, boolean dbless,
                           long jitterSeed, Verify verify, ApplyProgress progress) {

    /** The schemas and diff options the plan was made with; the verification re-diffs with the same ones. */
    public record Verify(Schemas schemas, DiffOptions diffOptions) {
        public Verify {
            Objects.requireNonNull(schemas, "schemas");
            Objects.requireNonNull(diffOptions, "diffOptions");
        }
    }

    public ApplyOptions {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(guard, "guard");
        progress = progress == null ? ApplyProgress.NONE : progress;
    }

    public static ApplyOptions defaults() {
        return new ApplyOptions(10, RetryPolicy.defaults(), Sleeper.REAL, DeletionGuard.defaults(), false,
                System.nanoTime(), null, ApplyProgress.NONE);
    }

    public ApplyOptions withParallelism(int n) {
        return new ApplyOptions(n, retry, sleeper, guard, dbless, jitterSeed, verify, progress);
    }

    public ApplyOptions withRetry(RetryPolicy r, Sleeper s) {
        return new ApplyOptions(parallelism, r, s, guard, dbless, jitterSeed, verify, progress);
    }

    public ApplyOptions withGuard(DeletionGuard g) {
        return new ApplyOptions(parallelism, retry, sleeper, g, dbless, jitterSeed, verify, progress);
    }

    public ApplyOptions withDbless(boolean d) {
        return new ApplyOptions(parallelism, retry, sleeper, guard, d, jitterSeed, verify, progress);
    }

    /** Re-read and re-diff Kong after the writes, with the plan's schemas and diff options. */
    public ApplyOptions withVerification(Schemas schemas, DiffOptions diffOptions) {
        return new ApplyOptions(parallelism, retry, sleeper, guard, dbless, jitterSeed,
                new Verify(schemas, diffOptions), progress);
    }

    /** Tell {@code p} after each finished change (DB mode). */
    public ApplyOptions withProgress(ApplyProgress p) {
        return new ApplyOptions(parallelism, retry, sleeper, guard, dbless, jitterSeed, verify, p);
    }
}
