package io.konggitops.apply;

import java.time.Duration;
import java.util.Random;

/**
 * Retries of retryable Admin API failures (5xx, 429, I/O): up to {@code maxAttempts} attempts; the n-th retry waits
 * {@code initialBackoff * multiplier^(n-1)}, capped at {@code maxBackoff}, ± {@code jitter} (a fraction). A
 * {@code Retry-After} from Kong replaces the backoff, capped at {@code maxRetryAfter}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          double jitter, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be between 0 and 1");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10), 0.2, Duration.ofSeconds(60));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0, Duration.ZERO);
    }

    /** The wait before retry number {@code retry} (1-based). */
    Duration backoff(int retry, Random random) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(base, maxBackoff.toMillis());
        double factor = jitter == 0 ? 1.0 : 1.0 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped * factor)));
    }

    Duration retryAfter(Duration requested) {
        return requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
    }
}
