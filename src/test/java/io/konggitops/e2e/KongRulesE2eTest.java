package io.konggitops.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
