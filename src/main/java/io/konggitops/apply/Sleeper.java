package io.konggitops.apply;

import java.time.Duration;

/** Waits between retries; tests inject one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
