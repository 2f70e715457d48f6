package io.konggitops.apply;

/**
 * Told after each change of a DB-mode apply has finished (applied, failed or skipped), from the writing threads:
 * {@code done} of {@code total} changes. For a progress bar; must be quick and thread-safe.
 */
@FunctionalInterface
public interface ApplyProgress {
    ApplyProgress NONE = (done, total) -> { };

    void finished(int done, int total);
}
