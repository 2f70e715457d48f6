package io.konggitops.cli;

import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expression routes are not translated yet. Every command aimed at that router flavor, by flag or because the live
 * Kong runs it, ends with exit 1 and a clear message, and writes nothing: no empty decK file, no deletion.
 */
class ExpressionsRouterTest {
    private static final String SAMPLES = Cli.SAMPLES.toString();

    @TempDir
    Path dir;

    private static void notSupported(Cli r) {
        assertThat(r.exit()).as(r.all()).isEqualTo(Main.ERROR);
        assertThat(r.err()).contains("router flavor expressions").contains("is not supported yet")
                .contains("traditional_compatible");
    }

    @Test
    void renderPrintsNoEmptyFile() {
        Path out = dir.resolve("kong.yaml");
        Cli toFile = Cli.run("render", "--repo", SAMPLES, "--endpoints", "manifests", "--router-flavor", "expressions",
                "--output", out.toString());
        notSupported(toFile);
        assertThat(toFile.err()).contains("from --router-flavor");
        assertThat(out).doesNotExist();

        Cli toStdout = Cli.run("render", "--repo", SAMPLES, "--endpoints", "manifests", "--router-flavor",
                "expressions");
        notSupported(toStdout);
        assertThat(toStdout.out()).isEmpty();
    }

    @Test
    void validateFails() {
        notSupported(Cli.run("validate", "--repo", SAMPLES, "--endpoints", "manifests", "--router-flavor",
                "expressions"));
    }

    @Test
    void anOfflineDiffFails() throws Exception {
        Path state = Files.writeString(dir.resolve("kong.yaml"), "_format_version: \"3.0\"\n");
        notSupported(Cli.run("diff", "--repo", SAMPLES, "--endpoints", "manifests", "--kong-state", state.toString(),
                "--router-flavor", "expressions"));
    }

    @Test
    void aLiveKongOnExpressionsIsNeitherDiffedNorWritten() throws Exception {
        try (KongDouble kong = KongDouble.builder().routerFlavor("expressions").build().start()) {
            kong.seed("services", Map.of("name", "owned", "host", "example.internal",
                    "tags", java.util.List.of("managed-by:kong-gitops")));
            for (String command : new String[]{"diff", "reconcile"}) {
                Cli r = Cli.run(command, "--repo", SAMPLES, "--endpoints", "manifests", "--kong-admin-url",
                        kong.baseUrl(), "--report", "json");
                notSupported(r);
                assertThat(r.err()).contains("GET / of " + kong.baseUrl());
                assertThat(r.out()).contains("\"status\" : \"error\"");
            }
            assertThat(kong.stats().writes()).isZero();
            assertThat(kong.store().find("services", "name", "owned")).isNotNull();
        }
    }
}
