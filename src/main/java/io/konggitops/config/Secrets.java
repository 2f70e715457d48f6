package io.konggitops.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a secret setting from the environment: {@code NAME} itself, or the content of the file named by
 * {@code NAME_FILE} (trailing newline removed) — the Kubernetes way of mounting Secrets. Secrets never come from
 * flags, which show in {@code ps}.
 */
public final class Secrets {
    private Secrets() {
    }

    public static String fromEnv(Map<String, String> env, String name) {
        String direct = env.get(name);
        if (direct != null && !direct.isEmpty()) {
            return direct;
        }
        String file = env.get(name + "_FILE");
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + "_FILE " + file + ": " + e.getMessage(), e);
        }
    }
}
