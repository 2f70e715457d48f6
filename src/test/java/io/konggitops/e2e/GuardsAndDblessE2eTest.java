package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The deletion guard through the CLI, and DB-less Kong (one POST /config, then in sync). */
class GuardsAndDblessE2eTest {
    @TempDir
    Path tmp;

    @Test
    void removingMostManifestsIsRefusedWithoutAWriteUntilMaxDeletionsAllowsIt() {
        try (E2eFixture f = new E2eFixture(tmp).copySamples("shop", "platform")) {
            f.repo.commit("samples");
            assertThat(f.reconcile().exit()).isZero();

            for (String file : new String[]{"endpointslices.yaml", "ingress-orders.yaml", "ingress-storefront.yaml",
                    "secret-shop-tls.yaml", "services.yaml"}) {
                f.repo.delete("shop/" + file);
            }
            f.repo.commit("shop moved elsewhere");
            int before = f.kong.stats().writes();
            E2eFixture.Run refused = f.reconcile("--report", "json");
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
            JsonNode guard = refused.json().at("/applied/refused");
            assertThat(guard.get("deletions").asInt()).isEqualTo(17);
            assertThat(guard.get("managed").asInt()).isEqualTo(21);
            assertThat(guard.get("limit").asText()).isEqualTo("30%");
            assertThat(f.kong.stats().writes() - before).isZero();

            E2eFixture.Run text = f.reconcile();
            assertThat(text.exit()).isEqualTo(3);
            assertThat(text.out()).contains("17").contains("21").contains("30%");
            assertThat(f.kong.stats().writes() - before).isZero();

            E2eFixture.Run byCount = f.reconcile("--max-deletions", "16");
            assertThat(byCount.exit()).as(byCount.toString()).isEqualTo(3);
            assertThat(f.kong.stats().writes() - before).isZero();

            E2eFixture.Run allowed = f.reconcile("--max-deletions", "100%");
            assertThat(allowed.exit()).as(allowed.toString()).isZero();
            assertThat(f.kong.stats().writes() - before).isEqualTo(17);
            assertThat(f.kong.store().size()).isEqualTo(4);
            assertThat(f.diff().exit()).isZero();
        }
    }

    @Test
    void anEmptyDesiredStateIsRefusedUnlessAllowEmpty() {
        try (E2eFixture f = new E2eFixture(tmp).copySamples("platform")) {
            f.repo.write("README.md", "manifests live here\n");
            f.repo.commit("platform");
            assertThat(f.reconcile().exit()).isZero();
            assertThat(f.kong.store().size()).isEqualTo(4);

            f.repo.delete("platform/ingress-fallback.yaml").delete("platform/services.yaml")
                    .delete("platform/endpointslices.yaml");
            f.repo.commit("everything removed");
            int before = f.kong.stats().writes();
            E2eFixture.Run refused = f.reconcile("--max-deletions", "100%");
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.out()).contains("--allow-empty");
            assertThat(f.kong.stats().writes() - before).isZero();
            assertThat(f.kong.store().size()).isEqualTo(4);

            E2eFixture.Run allowed = f.reconcile("--allow-empty");
            assertThat(allowed.exit()).as(allowed.toString()).isZero();
            assertThat(f.kong.store().size()).isZero();
            assertThat(f.diff().exit()).isZero();
        }
    }

    @Test
    void dblessKongGetsExactlyOnePostConfigAndThenReadsBackInSync() {
        try (E2eFixture f = new E2eFixture(tmp, KongDouble.builder().dbless()).copySamples("shop", "platform")) {
            f.repo.commit("samples");
            E2eFixture.Run run = f.reconcile();
            assertThat(run.exit()).as(run.toString()).isZero();
            assertThat(f.kong.stats().writes()).isEqualTo(1);
            assertThat(f.kong.stats().count("POST", "/config")).isEqualTo(1);
            assertThat(f.kong.store().size()).isEqualTo(21);

            int before = f.kong.stats().writes();
            E2eFixture.Run diff = f.diff("--report", "json");
            assertThat(diff.exit()).as(diff.toString()).isZero();
            assertThat(diff.json().at("/summary/unchanged").asInt()).isEqualTo(21);
            E2eFixture.Run again = f.reconcile();
            assertThat(again.exit()).as(again.toString()).isZero();
            assertThat(f.kong.stats().writes() - before).isZero();

            f.repo.delete("platform/ingress-fallback.yaml");
            f.repo.commit("no fallback");
            E2eFixture.Run change = f.reconcile();
            assertThat(change.exit()).as(change.toString()).isZero();
            assertThat(f.kong.stats().writes() - before).isEqualTo(1);
            assertThat(f.kong.stats().count("POST", "/config")).isEqualTo(2);
            assertThat(f.kong.store().find("routes", "name", "platform.fallback")).isNull();
            assertThat(f.diff().exit()).isZero();
        }
    }
}
