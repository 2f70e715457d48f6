package io.konggitops.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An object Kong would reject (here an Ingress tagged {@code team/app}, and a Service with {@code konghq.com/path:
 * /api//v1}) is sent nowhere; everything else is applied; the run exits 1 naming the objects and their file:line.
 */
class KongRulesE2eTest {
    private static final Path CASES = Path.of("src/test/resources/kong-rules").toAbsolutePath();

    @TempDir
    Path tmp;

    /** A case manifest moved to namespace {@code bad}, beside the shop samples. */
    private static String bad(String file) throws java.io.IOException {
        return Files.readString(CASES.resolve(file)).replace("namespace: shop", "namespace: bad");
    }

    @Test
    void reconcileSendsTheInvalidObjectNowhereAppliesTheRestAndExitsOne() throws Exception {
        try (E2eFixture f = new E2eFixture(tmp).copySamples("shop")) {
            // the Ingress only (its file also holds a Service web, which services.yaml defines here)
            f.repo.write("bad/ingress.yaml", bad("tag-with-slash/ingress.yaml").split("---")[0]);
            f.repo.write("bad/services.yaml", bad("service-path-empty-segment/services.yaml"));
            f.repo.commit("samples and two objects Kong refuses");

            E2eFixture.Run run = f.reconcile();
            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.all()).contains("bad/ingress.yaml:1 Ingress bad/web")
                    .contains("invalid tag 'team/app'")
                    .contains("bad/services.yaml:12 Service bad/web")
                    .contains("must not have empty segments");

            // the samples are all there, nothing of bad/web is
            assertThat(f.names("routes", "name")).isNotEmpty().noneMatch(n -> n.startsWith("bad.web."));
            assertThat(f.names("services", "name")).isNotEmpty().doesNotContain("bad.web.80");
            assertThat(f.names("upstreams", "name")).isNotEmpty().doesNotContain("web.bad.80.svc");
            assertThat(f.kong.stats().log()).noneMatch(r -> r.isWrite()
                    && (r.body().contains("team/app") || r.body().contains("/api//v1")
                    || r.body().contains("web.bad.80.svc")));
            assertThat(f.kong.stats().log()).noneMatch(r -> r.isWrite() && r.status() >= 400);

            // a second run has nothing left to apply but still fails, as long as the objects are invalid
            E2eFixture.Run again = f.reconcile("--report", "json");
            assertThat(again.exit()).as(again.toString()).isEqualTo(1);
            assertThat(again.json().at("/summary/create").asInt()).isZero();

            // fixed in Git: the objects come back, the run is clean
            f.repo.write("bad/ingress.yaml", bad("tag-with-slash/ingress.yaml").split("---")[0].replace("team/app", "team-app"));
            f.repo.write("bad/services.yaml", bad("service-path-empty-segment/services.yaml")
                    .replace("/api//v1", "/api/v1"));
            f.repo.commit("fixed");
            E2eFixture.Run fixed = f.reconcile();
            assertThat(fixed.exit()).as(fixed.toString()).isZero();
            assertThat(f.names("services", "name")).contains("bad.web.80");
        }
    }

    /** Every case folder of src/test/resources/kong-rules: one Kubernetes-valid manifest per Kong rule. */
    static List<String> rules() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Each rule's case (the refused Ingress {@code shop/web} or Service {@code shop/web}, beside a valid Ingress
     * {@code shop/fine}) reconciled into the double: Kong never sees the refused object (no write of it, no 4xx at
     * all, although the double applies Kong's own rules), the valid Ingress is applied, and the run exits 1.
     */
    @ParameterizedTest(name = "{0}: reconcile sends it nowhere, applies the rest, exits 1")
    @MethodSource("rules")
    void eachRuleIsEnforcedBeforeAnyWrite(String rule) throws Exception {
        try (E2eFixture f = new E2eFixture(tmp)) {
            try (Stream<Path> files = Files.list(CASES.resolve(rule))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    f.repo.write(file.getFileName().toString(), Files.readString(file));
                }
            }
            f.repo.commit(rule);

            E2eFixture.Run run = f.reconcile();

            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.all()).contains("shop/web: Kong would reject");
            assertThat(f.names("routes", "name")).as(run.toString()).isNotEmpty()
                    .allMatch(n -> n.startsWith("shop.fine."));
            assertThat(f.names("services", "name")).containsExactly("shop.other.80");
            assertThat(f.kong.stats().log()).noneMatch(r -> r.isWrite() && r.status() >= 400);
            assertThat(f.kong.stats().log()).noneMatch(r -> r.isWrite() && r.body().contains("shop.web."));
        }
    }
}
