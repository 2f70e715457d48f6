package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.testing.kong.DoubleAdmin;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SchemasTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The {@code healthchecks} Kong gives an upstream created with only its name (from the Kong double). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> kongsDefaultHealthchecks() {
        try (KongDouble kong = KongDouble.startDefault()) {
            return JSON.convertValue(kong.seed("upstreams", "{\"name\":\"u\"}").get("healthchecks"), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void servedSchemasAreUsedAndMissingOnesFallBackToTheBuiltInTable() {
        try (DoubleAdmin kong = DoubleAdmin.start()) {
            kong.kong().serveSchema("services", JSON.valueToTree(Map.of("fields", List.of(
                    Map.of("name", Map.of("type", "string")), Map.of("retries", Map.of("type", "integer",
                            "default", 9))))));
            kong.kong().serveSchema("routes", null);
            kong.kong().serveSchema("plugins/cors", null);

            Schemas schemas = Schemas.fetchFor(kong.client(), state(routePlugin("p1", "cors", "r1", Map.of())),
                    KongState.EMPTY, RouterFlavor.TRADITIONAL_COMPATIBLE);

            assertThat(schemas.entity(EntityType.SERVICE).orElseThrow().live()).isTrue();
            assertThat(schemas.entity(EntityType.SERVICE).orElseThrow().field("retries").orElseThrow().defaultValue())
                    .isEqualTo(9L);
            assertThat(schemas.entity(EntityType.ROUTE).orElseThrow().live()).isFalse();
            assertThat(schemas.entity(EntityType.ROUTE).orElseThrow().field("strip_path").orElseThrow().defaultValue())
                    .isEqualTo(true);
            assertThat(kong.kong().stats().count("GET", "/schemas/services")).isEqualTo(1);
            assertThat(kong.kong().stats().count("GET", "/schemas/plugins/cors")).isEqualTo(1);
            assertThat(schemas.plugin("cors")).isEmpty();
        }
    }

    @Test
    void anAdminApiErrorOnSchemasMeansTheFallback() {
        try (DoubleAdmin kong = DoubleAdmin.start()) {
            kong.kong().failOn("GET", "/schemas/", 403, -1, null);

            Schemas schemas = Schemas.fetch(kong.client(), Set.of(EntityType.UPSTREAM), Set.of(),
                    RouterFlavor.TRADITIONAL_COMPATIBLE);

            assertThat(kong.kong().stats().log()).anySatisfy(r -> {
                assertThat(r.path()).isEqualTo("/schemas/upstreams");
                assertThat(r.status()).isEqualTo(403);
            });
            assertThat(schemas.entity(EntityType.UPSTREAM).orElseThrow().live()).isFalse();
            assertThat(schemas.entity(EntityType.UPSTREAM).orElseThrow().field("healthchecks").orElseThrow()
                    .field("active").orElseThrow().field("http_path").orElseThrow().defaultValue()).isEqualTo("/");
        }
    }

    @Test
    void theExpressionsFlavorAddsExpressionAndPriorityToTheFallbackRouteSchema() {
        assertThat(Schemas.builtin(RouterFlavor.EXPRESSIONS).entity(EntityType.ROUTE).orElseThrow().knows("priority"))
                .isTrue();
        assertThat(builtin().entity(EntityType.ROUTE).orElseThrow().knows("priority")).isFalse();
    }

    @Test
    void aPartialHealthchecksObjectIsCompletedWithKongsNestedDefaults() {
        KongEntity desired = upstream("u").with("healthchecks", Map.of("active", Map.of("http_path", "/health")));
        Map<String, Object> healthchecks = kongsDefaultHealthchecks();
        @SuppressWarnings("unchecked")
        Map<String, Object> active = new java.util.HashMap<>((Map<String, Object>) healthchecks.get("active"));
        active.put("http_path", "/health");
        Map<String, Object> kongHealthchecks = new java.util.HashMap<>(healthchecks);
        kongHealthchecks.put("active", active);
        KongEntity live = live(upstream("u").with("healthchecks", kongHealthchecks), "u1");
        active.put("timeout", 5);
        KongEntity drifted = live(upstream("u").with("healthchecks", kongHealthchecks), "u1");

        assertThat(Differ.diff(state(desired), state(live), builtin(), OPTIONS).isEmpty()).isTrue();
        assertThat(Differ.diff(state(desired), state(drifted), builtin(), OPTIONS).changes().get(0).fieldChanges())
                .containsExactly(new FieldChange("healthchecks.active.timeout", 5L, 1L, false));
    }
}
