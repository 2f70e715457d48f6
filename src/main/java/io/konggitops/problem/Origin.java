package io.konggitops.problem;

import java.util.Objects;

/**
 * Where a manifest object came from: a file path relative to the repository root (with '/' separators)
 * and the 1-based line where its YAML document (or JSON object) starts.
 */
public record Origin(String file, int line) {
    public Origin {
        Objects.requireNonNull(file, "file");
    }

    public static Origin of(String file, int line) {
        return new Origin(file, line);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
