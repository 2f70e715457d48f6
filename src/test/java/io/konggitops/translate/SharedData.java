package io.konggitops.translate;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/** Locates {@code ${kong-gitops.shared}}: fails when missing and CI=true, else skips the test. */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        String prop = System.getProperty("kong-gitops.shared");
        Path p = prop == null ? null : Path.of(prop);
        boolean present = p != null && Files.isDirectory(p.resolve("kic-golden"));
        if (!present) {
            String why = "shared reference data not found at " + prop + " (system property kong-gitops.shared)";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        return p;
    }
}
