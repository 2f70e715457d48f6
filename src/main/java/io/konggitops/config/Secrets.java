package io.konggitops.config;

import io.konggitops.problem.KongGitopsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a secret setting from the environment: {@code NAME} itself, or the content of the file named by
 * {@code NAME_FILE} (trailing newlines removed) — the Kubernetes way of mounting Secrets. Secrets never come from
 * flags, which show in {@code ps}. The one reader of secret settings (Git credentials, Kong admin token).
 */
public final class Secrets {
    /** A secret setting that cannot be used; the message names the variable or file, never the value. */
    public static final class SecretException extends KongGitopsException {
        public SecretException(String message) {
            super(message);
        }
    }

    private Secrets() {
    }

    /**
     * The value of {@code name}, or the content of the file named by {@code name_FILE}; null when neither is set.
     *
     * @throws SecretException when both are set, or the file cannot be read or is empty
     */
    public static String fromEnv(Map<String, String> env, String name) {
        String direct = nonEmpty(env.get(name));
        String file = nonEmpty(env.get(name + "_FILE"));
        if (direct != null && file != null) {
            throw new SecretException("set either " + name + " or " + name + "_FILE, not both");
        }
        if (file == null) {
            return direct;
        }
        Path path = Path.of(file);
        String content;
        try {
            content = stripTrailingNewlines(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SecretException("cannot read " + name + "_FILE " + path + ": " + e.getClass().getSimpleName());
        }
        if (content.isEmpty()) {
            throw new SecretException(name + "_FILE names an empty file: " + path);
        }
        return content;
    }

    /** What {@link #fromEnv} would throw for each of {@code names}, without keeping any value: the up-front check. */
    public static List<String> problems(Map<String, String> env, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            try {
                fromEnv(env, name);
            } catch (SecretException e) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
