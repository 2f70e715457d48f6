package io.konggitops.diff;

/**
 * One changed field of an update: a JSON path ({@code paths}, {@code config.minute}, {@code healthchecks.active.timeout}),
 * the normalised live value ({@code before}, null when absent) and the desired one ({@code after}). When
 * {@code sensitive}, reports print {@code (sensitive value changed)} instead of the values; {@link #toString()} never
 * prints them.
 */
public record FieldChange(String path, Object before, Object after, boolean sensitive) {

    @Override
    public String toString() {
        if (sensitive) return path + ": (sensitive value changed)";
        return path + ": " + before + " -> " + after;
    }
}
