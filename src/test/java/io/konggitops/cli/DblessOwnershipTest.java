package io.konggitops.cli;

import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DB-less Kong: {@code POST /config} replaces everything, so ownership by tag cannot hold entity by entity. The job
 * refuses to replace a configuration holding entities without its select tag unless told to.
 */
class DblessOwnershipTest {

    private static Cli reconcile(KongDouble kong, String... extra) {
        String[] base = {"reconcile", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests",
                "--kong-admin-url", kong.baseUrl()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return Cli.run(Map.of(), args);
    }

    @Test
    void anUnownedEntityMakesTheDblessReconcileRefuseAndWriteNothing() throws Exception {
        try (KongDouble kong = KongDouble.builder().dbless().build().start()) {
            kong.seed("services", Map.of("name", "hand-made", "host", "example.internal", "tags", java.util.List.of("ops")));
            int before = kong.stats().writes();

            Cli r = reconcile(kong);

            assertThat(r.exit()).isEqualTo(Main.REFUSED);
            assertThat(r.err()).contains("DB-less").contains("1 entity without the select tag")
                    .contains("services hand-made").contains("--dbless-replace-unowned");
            assertThat(kong.stats().writes()).isEqualTo(before);
            assertThat(kong.store().find("services", "name", "hand-made")).isNotNull();
        }
    }

    @Test
    void theRefusalNamesTwentyUnownedEntitiesAndCountsTheRest() throws Exception {
        try (KongDouble kong = KongDouble.builder().dbless().build().start()) {
            for (int i = 0; i < 25; i++) {
                kong.seed("services", Map.of("name", String.format("hand-made-%02d", i), "host", "example.internal"));
            }

            Cli r = reconcile(kong, "--report", "json");

            assertThat(r.exit()).isEqualTo(Main.REFUSED);
            assertThat(r.err()).contains("25 entities without the select tag")
                    .contains("services hand-made-00, services hand-made-01").contains("services hand-made-19")
                    .doesNotContain("hand-made-20").contains("and 5 more");
            assertThat(r.out()).contains("\"status\" : \"refused\"").contains("and 5 more");
            assertThat(kong.stats().writes()).isZero();
        }
    }

    @Test
    void theOptInLetsTheJobOwnTheWholeDblessConfiguration() throws Exception {
        try (KongDouble kong = KongDouble.builder().dbless().build().start()) {
            kong.seed("services", Map.of("name", "hand-made", "host", "example.internal"));

            Cli r = reconcile(kong, "--dbless-replace-unowned");

            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(kong.stats().count("POST", "/config")).isEqualTo(1);
            assertThat(kong.store().find("services", "name", "hand-made")).isNull();
            assertThat(Cli.run("diff", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests",
                    "--kong-admin-url", kong.baseUrl()).exit()).isZero();
        }
    }

    @Test
    void aFreshDblessKongIsReconciledWithOnePost() throws Exception {
        try (KongDouble kong = KongDouble.builder().dbless().build().start()) {
            Cli r = reconcile(kong);
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(kong.stats().writes()).isEqualTo(1);
        }
    }
}
