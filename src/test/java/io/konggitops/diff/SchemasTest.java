package io.konggitops.diff;

import io.konggitops.apply.FakeKongAdmin;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SchemasTest {

    @Test
    void servedSchemasAreUsedAndMissingOnesFallBackToTheBuiltInTable() {
        FakeKongAdmin kong = new FakeKongAdmin();
        kong.serveSchema(EntityType.SERVICE, Map.of("fields", List.of(
                Map.of("name", Map.of("type", "string")), Map.of("retries", Map.of("type", "integer",
                        "default", 9)))));

        Schemas schemas = Schemas.fetchFor(kong, state(routePlugin("p1", "cors", "r1", Map.of())), KongState.EMPTY,
                RouterFlavor.TRADITIONAL_COMPATIBLE);

        assertThat(schemas.entity(EntityType.SERVICE).orElseThrow().live()).isTrue();
        assertThat(schemas.entity(EntityType.SERVICE).orElseThrow().field("retries").orElseThrow().defaultValue())
                .isEqualTo(9L);
        assertThat(schemas.entity(EntityType.ROUTE).orElseThrow().live()).isFalse();
        assertThat(schemas.entity(EntityType.ROUTE).orElseThrow().field("strip_path").orElseThrow().defaultValue())
                .isEqualTo(true);
        assertThat(kong.calls()).contains("GET schemas services", "GET schemas/plugins cors");
        assertThat(schemas.plugin("cors")).isEmpty();
    }

    @Test
    void anAdminApiErrorOnSchemasMeansTheFallback() {
        KongAdmin failing = new FakeKongAdmin() {
            @Override
            public Optional<Map<String, Object>> entitySchema(EntityType type) {
                throw new KongApiException("forbidden", 403, null, null, null, null, null, null);
            }
        };

        Schemas schemas = Schemas.fetch(failing, Set.of(EntityType.UPSTREAM), Set.of(),
                RouterFlavor.TRADITIONAL_COMPATIBLE);

        assertThat(schemas.entity(EntityType.UPSTREAM).orElseThrow().field("healthchecks").orElseThrow()
                .field("active").orElseThrow().field("http_path").orElseThrow().defaultValue()).isEqualTo("/");
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
        Map<String, Object> full = io.konggitops.apply.KongDefaults.of(EntityType.UPSTREAM);
        @SuppressWarnings("unchecked")
        Map<String, Object> healthchecks = (Map<String, Object>) full.get("healthchecks");
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
