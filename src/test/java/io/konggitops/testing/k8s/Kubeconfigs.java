package io.konggitops.testing.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes kubeconfig files for tests, as a user's laptop would have them. */
public final class Kubeconfigs {
    private Kubeconfigs() {
    }

    /**
     * A kubeconfig with one context per entry (name → API server URL; keep the map ordered), each with its own cluster
     * and token user; the current context is the first. TLS is not verified (the mock server's certificate is
     * self-signed).
     */
    public static Path write(Path file, Map<String, String> contexts) {
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder ctx = new StringBuilder("contexts:\n");
        StringBuilder users = new StringBuilder("users:\n");
        for (var e : contexts.entrySet()) {
            clusters.append("- name: ").append(e.getKey()).append("\n  cluster:\n    server: ").append(e.getValue())
                    .append("\n    insecure-skip-tls-verify: true\n");
            ctx.append("- name: ").append(e.getKey()).append("\n  context:\n    cluster: ").append(e.getKey())
                    .append("\n    user: ").append(e.getKey()).append("\n    namespace: default\n");
            users.append("- name: ").append(e.getKey()).append("\n  user:\n    token: test-token-").append(e.getKey())
                    .append('\n');
        }
        String yaml = "apiVersion: v1\nkind: Config\ncurrent-context: " + contexts.keySet().iterator().next() + "\n"
                + clusters + ctx + users;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
