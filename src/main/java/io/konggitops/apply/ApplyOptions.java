package io.konggitops.apply;

import java.util.Objects;

/**
 * How to apply a plan: {@code parallelism} concurrent writes within a dependency level (decK's default 10),
 * {@code retry} policy and the {@code sleeper} it waits with, the {@code guard} against mass deletion, {@code dbless}
 * (write the whole configuration with {@code POST /config} instead of entity by entity) and the {@code jitterSeed}
 * for reproducible backoff.
 */
public record ApplyOptions(int parallelism, RetryPolicy retry, Sleeper sleeper, DeletionGuard guard, boolean dbless,
                           long jitterSeed) {

    public ApplyOptions {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(guard, "guard");
    }

    public static ApplyOptions defaults() {
        return new ApplyOptions(10, RetryPolicy.defaults(), Sleeper.REAL, DeletionGuard.defaults(), false,
                System.nanoTime());
    }

    public ApplyOptions withParallelism(int n) {
        return new ApplyOptions(n, retry, sleeper, guard, dbless, jitterSeed);
    }

    public ApplyOptions withRetry(RetryPolicy r, Sleeper s) {
        return new ApplyOptions(parallelism, r, s, guard, dbless, jitterSeed);
    }

    public ApplyOptions withGuard(DeletionGuard g) {
        return new ApplyOptions(parallelism, retry, sleeper, g, dbless, jitterSeed);
    }

    public ApplyOptions withDbless(boolean d) {
        return new ApplyOptions(parallelism, retry, sleeper, guard, d, jitterSeed);
    }
}
