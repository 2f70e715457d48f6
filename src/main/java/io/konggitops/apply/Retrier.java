package io.konggitops.apply;

import io.konggitops.kong.KongApiException;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Runs one Admin API call with the retry policy, recording every retry. Thread-safe. */
final class Retrier {
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Random random;
    private final List<ApplyResult.Retry> retries;

    Retrier(RetryPolicy policy, Sleeper sleeper, long seed, List<ApplyResult.Retry> retries) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = new Random(seed);
        this.retries = retries;
    }

    <T> T call(String label, Supplier<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (KongApiException e) {
                if (!e.retryable() || attempt >= policy.maxAttempts()) throw e;
                Duration wait;
                boolean fromHeader = e.retryAfter().isPresent();
                if (fromHeader) {
                    wait = policy.retryAfter(e.retryAfter().get());
                } else {
                    synchronized (random) {
                        wait = policy.backoff(attempt, random);
                    }
                }
                retries.add(new ApplyResult.Retry(label, attempt, e.status(), wait, fromHeader));
                sleeper.sleep(wait);
            }
        }
    }
}
