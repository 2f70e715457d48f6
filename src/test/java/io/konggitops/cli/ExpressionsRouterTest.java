package io.konggitops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kong's expressions router, chosen by flag or because the live Kong runs it: every command works on an Ingress
 * repository, routes carry KIC's {@code expression} and {@code priority} instead of paths and hosts, and a reconcile
 * converges (a second run writes nothing: no false drift from Kong's defaults for expression routes).
 */
class ExpressionsRouterTest {
    @TempDir
    Path dir;

    /** The shop and platform samples (Ingresses, Services, EndpointSlices, a TLS Secret) as a plain directory. */
    private Path ingressRepo() throws IOException {
        Path repo = dir.resolve("repo");
        for (String folder : List.of("shop", "platform")) {
            Path from = Cli.SAMPLES.resolve(folder);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Path to = repo.resolve(folder).resolve(f.getFileName().toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        return repo;
    }

    @Test
    void renderWritesExpressionRoutesWithKicPrioritiesAndNoTraditionalMatchers() throws IOException {
        Cli r = Cli.run("render", "--repo", ingressRepo().toString(), "--endpoints", "manifests",
                "--router-flavor", "expressions");
        assertThat(r.exit()).as(r.all()).isEqualTo(Main.OK);
        assertThat(r.out())
                .contains("expression: (http.host == \"orders.shop.example.com\") && ((http.path == \"/healthz\")")
                .contains("priority: 59377922932748")
                .contains("expression: http.path ^= \"/\"")
                .contains("priority: 0")
                .doesNotContain("paths:").doesNotContain("hosts:").doesNotContain("methods:")
                .doesNotContain("regex_priority").doesNotContain("path_handling");
    }

    @Test
    void validatePassesForAnIngressRepository() throws IOException {
        Cli r = Cli.run("validate", "--repo", ingressRepo().toString(), "--endpoints", "manifests",
                "--router-flavor", "expressions");
        assertThat(r.exit()).as(r.all()).isEqualTo(Main.OK);
    }

    @Test
    void anOfflineDiffAgainstAnEmptyKongPlansEveryEntity() throws IOException {
        Path state = Files.writeString(dir.resolve("kong.yaml"), "_format_version: \"3.0\"\n");
        Cli r = Cli.run("diff", "--repo", ingressRepo().toString(), "--endpoints", "manifests", "--kong-state",
                state.toString(), "--router-flavor", "expressions");
        assertThat(r.exit()).as(r.all()).isEqualTo(Main.DRIFT);
        assertThat(r.out()).contains("21 to create, 0 to update, 0 to delete");
    }

    @Test
    void aReconcileIntoAnExpressionsKongCreatesExpressionRoutesAndASecondRunWritesNothing() throws IOException {
        Path repo = ingressRepo();
        try (KongDouble kong = KongDouble.builder().routerFlavor("expressions").build().start()) {
            Cli first = Cli.run("reconcile", "--repo", repo.toString(), "--endpoints", "manifests",
                    "--kong-admin-url", kong.baseUrl());
            assertThat(first.exit()).as(first.all()).isEqualTo(Main.OK);
            List<ObjectNode> routes = kong.store().all("routes");
            assertThat(routes).hasSize(4).allSatisfy(route -> {
                assertThat(route.path("expression").asText()).as(route.toString()).isNotEmpty();
                assertThat(route.path("paths").isNull() || route.path("paths").isMissingNode()).isTrue();
                assertThat(route.path("hosts").isNull() || route.path("hosts").isMissingNode()).isTrue();
            });
            assertThat(kong.store().find("routes", "name", "platform.fallback").path("priority").asLong()).isZero();
            assertThat(kong.store().find("routes", "name", "shop.orders.orders.orders.shop.example.com.8080")
                    .path("priority").asLong()).isEqualTo(59377922932748L);
            int writes = kong.stats().writes();
            assertThat(writes).isEqualTo(21);

            Cli second = Cli.run("reconcile", "--repo", repo.toString(), "--endpoints", "manifests",
                    "--kong-admin-url", kong.baseUrl());
            assertThat(second.exit()).as(second.all()).isEqualTo(Main.OK);
            assertThat(second.out()).contains("0 to create, 0 to update, 0 to delete (21 unchanged)");
            assertThat(kong.stats().writes()).isEqualTo(writes);

            Cli diff = Cli.run("diff", "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url",
                    kong.baseUrl());
            assertThat(diff.exit()).as(diff.all()).isEqualTo(Main.OK);
        }
    }

    @Test
    void aDblessKongOnExpressionsGetsOneConfigAndThenReadsBackInSync() throws IOException {
        Path repo = ingressRepo();
        try (KongDouble kong = KongDouble.builder().dbless().routerFlavor("expressions").build().start()) {
            Cli first = Cli.run("reconcile", "--repo", repo.toString(), "--endpoints", "manifests",
                    "--kong-admin-url", kong.baseUrl());
            assertThat(first.exit()).as(first.all()).isEqualTo(Main.OK);
            assertThat(kong.stats().count("POST", "/config")).isEqualTo(1);
            assertThat(kong.store().all("routes")).allSatisfy(route ->
                    assertThat(route.path("expression").asText()).isNotEmpty());

            Cli diff = Cli.run("diff", "--repo", repo.toString(), "--endpoints", "manifests", "--kong-admin-url",
                    kong.baseUrl());
            assertThat(diff.exit()).as(diff.all()).isEqualTo(Main.OK);
            Cli again = Cli.run("reconcile", "--repo", repo.toString(), "--endpoints", "manifests",
                    "--kong-admin-url", kong.baseUrl());
            assertThat(again.exit()).as(again.all()).isEqualTo(Main.OK);
            assertThat(kong.stats().count("POST", "/config")).isEqualTo(1);
        }
    }
}
